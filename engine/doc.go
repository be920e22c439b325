// Package engine builds what every translating command of bitext runs on:
// the backend chosen by the flags and the configuration file (wrapped for
// rate limits, retries and answer checks when it is remote), the pipeline
// around it (glossary protection, the backend's native glossary, English
// typography), and the adapter that lets the pipeline use a translation
// memory. translate, eval and review's re-translate all build theirs with
// [New], so that they take the same flags and --config.
//
// # Settings
//
// [BackendOptions] holds the backend settings as the command line gives
// them; [BackendOptions.For] fills in the configuration file's settings
// for the chosen backend where no flag was given. [FileConfig] is the
// configuration file.
//
// # Memory
//
// [Engine.UseMemory] keys every sentence by the language pair, the
// backend and the glossary terms that occur in it, so that changing a
// glossary entry re-translates only the sentences that contain it, and
// asks the memory per occurrence (an article and the sentence's rank in
// it), so that an editor's alternative or deletion applies where it was
// made.
package engine
