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
// Each backend declares its options, kind and price once, where it
// registers ([translate.BackendInfo]); the settings every remote backend
// takes (rate limits, retries, price) are declared here ([Flags]).
// [BackendOptions] holds what the command line gives, unchecked; [Select]
// picks the backend (without regard to case, with a "did you mean"),
// fills in the configuration file's settings ([FileConfig]) where no flag
// was given, and checks every value against the declarations, so that a
// mistake is a [SettingError] before any work. [NewDryRun] counts what a
// run would send without building the backend.
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
