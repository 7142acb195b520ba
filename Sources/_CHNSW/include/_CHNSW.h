// _CHNSW: a C interface to hnswlib (Debian `libhnswlib-dev` 0.6.2, header-only C++, Apache-2.0).
//
// Only MetricLearn's `HNSWGraph` calls these functions; no Swift API is promised. Every function is safe to call
// with any arguments except where noted, catches every C++ exception, and reports failure by its return value.
// Vectors are rows of `float`; labels are the rows' indices 0..<count.
#ifndef CHNSW_H
#define CHNSW_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An HNSW graph over squared Euclidean distance (an owned hnswlib `HierarchicalNSW<float>`).
typedef struct chnsw_index chnsw_index;

/// Outcomes of the functions that can fail.
enum {
    CHNSW_OK = 0,
    /// An allocation failed.
    CHNSW_OUT_OF_MEMORY = 1,
    /// An argument is out of range (a caller's bug).
    CHNSW_INVALID_ARGUMENT = 2,
    /// hnswlib reported an internal inconsistency.
    CHNSW_INTERNAL = 3,
};

/// A new empty graph for up to `capacity` vectors of `dimension` floats, with `m` links a node per layer (2·m on
/// layer 0) and a candidate list of `ef_construction` while inserting. NULL when out of memory or for an argument
/// out of range (dimension, capacity ≥ 1, 2 ≤ m ≤ 10000, ef_construction ≥ 1, capacity < 2³²).
chnsw_index *chnsw_create(size_t dimension, size_t capacity, size_t m, size_t ef_construction);

/// Frees `index` (NULL is ignored).
void chnsw_free(chnsw_index *index);

/// Inserts the vector `row` as label `label` on layers 0…`level`. Calls on one graph may run concurrently for
/// different labels once the first vector is in. Levels come from the caller (hnswlib's own generator is not used).
int chnsw_add(chnsw_index *index, const float *row, size_t label, int32_t level);

/// The `k` nearest vectors of each of the `count` row-major `queries` (searching with a candidate list of
/// max(`ef`, `k`)), nearest first: `labels[q·k + i]` and `squared_distances[q·k + i]`; `k` must not exceed the
/// count. A query from which fewer than `k` vectors are reachable is answered by a scan of every vector.
/// Read-only: calls may run concurrently.
int chnsw_search(const chnsw_index *index, const float *queries, size_t count, size_t k, size_t ef,
                 int64_t *labels, float *squared_distances);

/// The number of vectors in the graph.
size_t chnsw_count(const chnsw_index *index);

/// The bytes the graph holds (vectors, links, locks, label table): what it costs in memory.
size_t chnsw_memory_bytes(const chnsw_index *index);

/// The size of `chnsw_serialize`'s output.
size_t chnsw_serialized_size(const chnsw_index *index);

/// Writes the graph in hnswlib's own `saveIndex` layout into `bytes` (`size` = `chnsw_serialized_size`).
int chnsw_serialize(const chnsw_index *index, uint8_t *bytes, size_t size);

/// Checks that `bytes` hold a complete and consistent graph of vectors of `dimension` floats, as
/// `chnsw_serialize` writes it: every size, count, link and level, and finite vectors, so that searching the
/// loaded graph never reads outside it. On failure writes a one-line reason (NUL-terminated) into `reason`.
int chnsw_validate(const uint8_t *bytes, size_t size, size_t dimension, char *reason, size_t reason_capacity);

/// The graph in `bytes`, which `chnsw_validate` must have accepted. NULL when out of memory.
chnsw_index *chnsw_deserialize(const uint8_t *bytes, size_t size, size_t dimension);

#ifdef __cplusplus
}
#endif

#endif
