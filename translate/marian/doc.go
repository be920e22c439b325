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
// decoder_start_token_id); [Options] overrides the beam size.
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
// ../shared/nmt/opus-mt-tiny).
package marian
