// Small C helpers Swift cannot express. This module provides no stable
// Swift API; MetingData uses it in the CSV reader's hot loop.
#ifndef METING_SUPPORT_H
#define METING_SUPPORT_H

// Asks the CPU to start loading the cache line at `p` (read, keep in all
// cache levels): the hash-table slot of a value is fetched while the rest
// of the record is parsed.
static inline void meting_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }

#endif
