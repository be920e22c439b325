# tools.sh, sourced by the other scripts.

# gobin prints the folder where `go install` puts commands: $GOBIN, else
# the bin folder of the first $GOPATH entry.
gobin() {
	local b
	b=$(go env GOBIN)
	if [ -z "$b" ]; then
		b=$(go env GOPATH)
		b="${b%%:*}/bin"
	fi
	echo "$b"
}

# gotool NAME PACKAGE VERSION prints the path of the command NAME, first
# installing PACKAGE@VERSION with go install (from the Go module proxy)
# unless the command there was built from that version.
gotool() {
	local name=$1 pkg=$2 version=$3 bin
	bin="$(gobin)/$name"
	if ! go version -m "$bin" 2>/dev/null | grep -qE "^[[:space:]]+mod[[:space:]].*[[:space:]]$version([[:space:]]|$)"; then
		go install "$pkg@$version" >&2
	fi
	echo "$bin"
}
