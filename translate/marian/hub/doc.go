// Package hub downloads MarianMT (OPUS-MT) models from the Hugging Face
// hub, or a mirror of it, into the user's cache, and lists and removes
// installed models.
//
// # Layout
//
// Files are fetched from {base}/{repo}/resolve/{revision}/{file}, the
// hub's layout, and their sizes and SHA-256 checksums from
// {base}/api/models/{repo}/tree/{revision} (for files stored with Git LFS,
// the lfs.oid field is the SHA-256 of the content). Models are installed
// into [CacheDir]/NAME, for example ~/.cache/bitext/models/fr-en.
//
// # Safety
//
// A download goes to NAME.partial next to the final folder and is resumed
// from there with HTTP Range requests; each file is checked against the
// published size and checksum; the folder is renamed into place only when
// every file is complete, so a model folder is either whole or absent.
package hub
