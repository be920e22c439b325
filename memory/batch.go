package memory

import "context"

// LookupQuery is one lookup of a batch: the arguments of
// [Memory.LookupAt].
type LookupQuery struct {
	Key     Key
	Backend string
	At      Occurrence
}

// Found is the answer to one [LookupQuery]: what LookupAt returns.
type Found struct {
	Entry Entry
	OK    bool
}

// BatchLookuper is implemented by stores for which every query costs a
// round trip to a server (memory/postgres): LookupAll answers many
// lookups in one, in order, each as [Memory.LookupAt] would.
type BatchLookuper interface {
	LookupAll(ctx context.Context, qs []LookupQuery) ([]Found, error)
}

// BatchPutter is implemented by stores that record several machine
// translations in one transaction ([Store.PutMachineBatch], and the shared
// store's): all of them or, on error, none, each as [Memory.PutMachine]
// would.
type BatchPutter interface {
	PutMachineBatch(ctx context.Context, backend string, ts []Translation) error
}

var _ BatchPutter = (*Store)(nil)
