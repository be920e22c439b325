package serve

import (
	"errors"
	"fmt"
	"net"
	"syscall"
)

// ErrNotLoopback is wrapped by [Listen]'s error for an address other
// machines can reach, when that was not allowed.
var ErrNotLoopback = errors.New("not a loopback address")

// ErrAddrInUse is wrapped by [Listen]'s error when the port is taken.
var ErrAddrInUse = errors.New("address already in use")

// Listen opens a TCP listener on addr ("127.0.0.1:8750"; port 0 picks a
// free one). An address that is not loopback (a host name resolving
// elsewhere, an interface's address, or an empty host meaning every
// interface) is refused with an error wrapping [ErrNotLoopback] unless
// remote is set; remote reports whether the listener is reachable from
// other machines, for the caller's warning.
func Listen(addr string, allowRemote bool) (ln net.Listener, remote bool, err error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, false, fmt.Errorf("address %q: %w (expected HOST:PORT, such as 127.0.0.1:8750)", addr, err)
	}
	remote, err = isRemote(host)
	if err != nil {
		return nil, false, err
	}
	if remote && !allowRemote {
		return nil, true, fmt.Errorf("%s is %w: other machines could reach the server", addr, ErrNotLoopback)
	}
	ln, err = net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, remote, fmt.Errorf("%s: %w (another bitext serve?); use port 0 for a free one", addr, ErrAddrInUse)
	}
	if err != nil {
		return nil, remote, fmt.Errorf("failed to listen on %s: %w", addr, err)
	}
	return ln, remote, nil
}

// isRemote reports whether host is anything but loopback addresses.
func isRemote(host string) (bool, error) {
	if host == "" {
		return true, nil
	}
	if ip := net.ParseIP(host); ip != nil {
		return !ip.IsLoopback(), nil
	}
	ips, err := net.LookupIP(host)
	if err != nil {
		return false, fmt.Errorf("failed to resolve %s: %w", host, err)
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return true, nil
		}
	}
	return false, nil
}
