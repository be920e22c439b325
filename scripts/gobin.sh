# gobin.sh, sourced by the other scripts: gobin prints the folder where
# `go install` puts commands ($GOBIN, else the first $GOPATH entry's bin).
gobin() {
	local b
	b=$(go env GOBIN)
	if [ -z "$b" ]; then
		b=$(go env GOPATH)
		b="${b%%:*}/bin"
	fi
	echo "$b"
}
