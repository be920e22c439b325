// Package marian is bitext's offline neural translation backend: it runs
// MarianMT (OPUS-MT) models, such as Helsinki-NLP/opus-mt-fr-en, in pure
// Go, with no cgo and no network.
//
// # Use
//
// A model folder holds the files the Hugging Face hub publishes:
// config.json, model.safetensors or pytorch_model.bin, source.spm,
// target.spm and vocab.json (package [hub] downloads them).
//
//	b, err := marian.New(ctx, dir, marian.Options{})
//	out, err := b.Translate(ctx, translate.Request{From: "fr", To: "en",
//		Segments: []string{"M. Kim a quitté Pyongyang mardi."}})
//
// Decoding follows the model's config.json as transformers does
// (num_beams, max_length, bad_words_ids, forced_eos_token_id,
// decoder_start_token_id); [Options] overrides the beam size, and chooses
// the precision (fp32, the exact default, or int8), the kernels and an
// optional lexical shortlist.
//
// A model folder may have any name: the language pair comes from its
// info file (hub.InfoFile, written by 'models pull') or from an OPUS-MT
// folder name (opus-mt-fr-en); a folder whose name says nothing
// translates the pair it is asked for.
//
// # Batches
//
// [Backend.Translate] sorts a request's segments by their length in
// tokens and decodes them BatchSize at a time; [Backend.TranslateEach]
// does the same and hands over each batch's translations as soon as they
// are decoded. A caller batching a folder run gathers the sentences of
// several articles into one request (they need not be sorted: the backend
// sorts them) and stores each answer from the callback.
//
// # Markup
//
// The backend translates plain text only (Capabilities.HTML is false):
// callers strip markup, and protect glossary terms, before sending text.
//
// # Engine
//
// The tokenizer (SentencePiece unigram with its nmt_nfkc normaliser), the
// weight readers, the transformer and the search live in internal
// packages; they reproduce transformers 4.21's MarianMTModel to float32
// precision (see the conformance tests against
// ../shared/nmt/opus-mt-tiny, run with every kernel family). The weights
// are packed once at load time for the matrix kernels of internal/gemm
// (AVX-512 with VNNI for int8, AVX2, or portable Go, chosen from the
// CPU's features); the encoder runs once per batch and its
// cross-attention keys and values once per sentence, shared by the beams;
// the decoder keeps a key/value cache that beam search reorders without
// copying.
package marian
