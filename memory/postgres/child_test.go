package postgres_test

// childMain is replaced by the concurrency test's child.
func childMain() (int, bool) { return 0, false }
