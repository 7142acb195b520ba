// The one translation unit that includes hnswlib: its 0.6.2 headers define non-inline functions and globals
// (`L2SqrSIMD16Ext`, `AVXCapable`), so a second includer would not link. Everything here is behind `_CHNSW.h`.
#if !__has_include(<hnswlib/hnswlib.h>)
#error "hnswlib not found: install Debian's libhnswlib-dev (make deps)"
#endif

#include "_CHNSW.h"

#include <hnswlib/hnswlib.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <vector>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CHNSW_X86 1
#endif

// Lane-wise single-precision arithmetic only: a fused multiply-add would change the bits between the paths below.
#pragma clang fp contract(off)

namespace {

// MARK: - Squared Euclidean distance, the same bits on every path

// The sum is defined lane by lane, so the AVX, SSE and portable paths give identical results: 16 accumulators take
// (x − y)² of element 16·b + l for every whole block of 16; 8 more elements, if there are, go to accumulators 0–7;
// the last < 8 are summed in order into `tail`; then the accumulators fold in halves (l + 8, l + 4, l + 2, l + 1)
// and the tail is added last.
inline float fold(const float *lanes16, float tail) {
    float s8[8], s4[4];
    for (int l = 0; l < 8; l++) s8[l] = lanes16[l] + lanes16[l + 8];
    for (int l = 0; l < 4; l++) s4[l] = s8[l] + s8[l + 4];
    float s2a = s4[0] + s4[2], s2b = s4[1] + s4[3];
    return (s2a + s2b) + tail;
}

inline float tailSum(const float *a, const float *b, size_t from, size_t to) {
    float tail = 0;
    for (size_t i = from; i < to; i++) {
        float d = a[i] - b[i];
        tail += d * d;
    }
    return tail;
}

float squaredDistancePortable(const void *x, const void *y, const void *dimensionPointer) {
    const float *a = static_cast<const float *>(x), *b = static_cast<const float *>(y);
    const size_t n = *static_cast<const size_t *>(dimensionPointer);
    float lanes[16] = {0};
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        for (int l = 0; l < 16; l++) {
            float d = a[i + l] - b[i + l];
            lanes[l] += d * d;
        }
    }
    if (i + 8 <= n) {
        for (int l = 0; l < 8; l++) {
            float d = a[i + l] - b[i + l];
            lanes[l] += d * d;
        }
        i += 8;
    }
    return fold(lanes, tailSum(a, b, i, n));
}

#if CHNSW_X86
float squaredDistanceSSE(const void *x, const void *y, const void *dimensionPointer) {
    const float *a = static_cast<const float *>(x), *b = static_cast<const float *>(y);
    const size_t n = *static_cast<const size_t *>(dimensionPointer);
    __m128 q0 = _mm_setzero_ps(), q1 = _mm_setzero_ps(), q2 = _mm_setzero_ps(), q3 = _mm_setzero_ps();
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m128 d0 = _mm_sub_ps(_mm_loadu_ps(a + i), _mm_loadu_ps(b + i));
        __m128 d1 = _mm_sub_ps(_mm_loadu_ps(a + i + 4), _mm_loadu_ps(b + i + 4));
        __m128 d2 = _mm_sub_ps(_mm_loadu_ps(a + i + 8), _mm_loadu_ps(b + i + 8));
        __m128 d3 = _mm_sub_ps(_mm_loadu_ps(a + i + 12), _mm_loadu_ps(b + i + 12));
        q0 = _mm_add_ps(q0, _mm_mul_ps(d0, d0));
        q1 = _mm_add_ps(q1, _mm_mul_ps(d1, d1));
        q2 = _mm_add_ps(q2, _mm_mul_ps(d2, d2));
        q3 = _mm_add_ps(q3, _mm_mul_ps(d3, d3));
    }
    if (i + 8 <= n) {
        __m128 d0 = _mm_sub_ps(_mm_loadu_ps(a + i), _mm_loadu_ps(b + i));
        __m128 d1 = _mm_sub_ps(_mm_loadu_ps(a + i + 4), _mm_loadu_ps(b + i + 4));
        q0 = _mm_add_ps(q0, _mm_mul_ps(d0, d0));
        q1 = _mm_add_ps(q1, _mm_mul_ps(d1, d1));
        i += 8;
    }
    float lanes[16];
    _mm_storeu_ps(lanes, q0);
    _mm_storeu_ps(lanes + 4, q1);
    _mm_storeu_ps(lanes + 8, q2);
    _mm_storeu_ps(lanes + 12, q3);
    return fold(lanes, tailSum(a, b, i, n));
}

__attribute__((target("avx")))
float squaredDistanceAVX(const void *x, const void *y, const void *dimensionPointer) {
    const float *a = static_cast<const float *>(x), *b = static_cast<const float *>(y);
    const size_t n = *static_cast<const size_t *>(dimensionPointer);
    __m256 low = _mm256_setzero_ps(), high = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m256 d0 = _mm256_sub_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i));
        __m256 d1 = _mm256_sub_ps(_mm256_loadu_ps(a + i + 8), _mm256_loadu_ps(b + i + 8));
        low = _mm256_add_ps(low, _mm256_mul_ps(d0, d0));
        high = _mm256_add_ps(high, _mm256_mul_ps(d1, d1));
    }
    if (i + 8 <= n) {
        __m256 d0 = _mm256_sub_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i));
        low = _mm256_add_ps(low, _mm256_mul_ps(d0, d0));
        i += 8;
    }
    float lanes[16];
    _mm256_storeu_ps(lanes, low);
    _mm256_storeu_ps(lanes + 8, high);
    return fold(lanes, tailSum(a, b, i, n));
}
#endif

hnswlib::DISTFUNC<float> fastestSquaredDistance() {
#if CHNSW_X86
    if (__builtin_cpu_supports("avx")) return squaredDistanceAVX;
    return squaredDistanceSSE;
#else
    return squaredDistancePortable;
#endif
}

/// hnswlib's space: squared Euclidean distance of `dimension` floats.
class SquaredEuclideanSpace final : public hnswlib::SpaceInterface<float> {
public:
    explicit SquaredEuclideanSpace(size_t dimension) : dimension_(dimension), distance_(fastestSquaredDistance()) {}
    size_t get_data_size() override { return dimension_ * sizeof(float); }
    hnswlib::DISTFUNC<float> get_dist_func() override { return distance_; }
    void *get_dist_func_param() override { return &dimension_; }

private:
    size_t dimension_;
    hnswlib::DISTFUNC<float> distance_;
};

using Graph = hnswlib::HierarchicalNSW<float>;
using Link = hnswlib::tableint;
using LinkCount = hnswlib::linklistsizeint;

// MARK: - The serialized layout (hnswlib's `saveIndex`)

/// The fixed header `saveIndex` writes, field by field in this order.
struct Header {
    size_t offsetLevel0, maxElements, count, sizeDataPerElement, labelOffset, offsetData;
    int maxLevel;
    Link enterPoint;
    size_t maxM, maxM0, m;
    double mult;
    size_t efConstruction;
};

constexpr size_t headerSize = 6 * sizeof(size_t) + sizeof(int) + sizeof(Link) + 3 * sizeof(size_t) + sizeof(double)
                              + sizeof(size_t);

/// Reads and writes the layout's fields in order, refusing to run past the end.
struct Cursor {
    uint8_t *bytes;
    const uint8_t *readBytes;
    size_t size;
    size_t offset = 0;

    template <typename T> bool read(T &value) {
        if (size - offset < sizeof(T)) return false;
        std::memcpy(&value, readBytes + offset, sizeof(T));
        offset += sizeof(T);
        return true;
    }
    bool skip(size_t count) {
        if (size - offset < count) return false;
        offset += count;
        return true;
    }
    template <typename T> void write(const T &value) { write(&value, sizeof(T)); }
    void write(const void *source, size_t count) {
        std::memcpy(bytes + offset, source, count);
        offset += count;
    }
};

bool readHeader(Cursor &cursor, Header &h) {
    return cursor.read(h.offsetLevel0) && cursor.read(h.maxElements) && cursor.read(h.count)
           && cursor.read(h.sizeDataPerElement) && cursor.read(h.labelOffset) && cursor.read(h.offsetData)
           && cursor.read(h.maxLevel) && cursor.read(h.enterPoint) && cursor.read(h.maxM) && cursor.read(h.maxM0)
           && cursor.read(h.m) && cursor.read(h.mult) && cursor.read(h.efConstruction);
}

/// Bytes of one upper-layer link list: a count and `maxM` links.
size_t upperListSize(size_t maxM) { return maxM * sizeof(Link) + sizeof(LinkCount); }

/// The link count of a list: hnswlib keeps it in the low 16 bits; the next byte is the deletion mark.
uint32_t listCount(const uint8_t *list, uint32_t &flags) {
    uint32_t word;
    std::memcpy(&word, list, sizeof(word));
    flags = word >> 16;
    return word & 0xFFFF;
}

} // namespace

// MARK: - The handle

struct chnsw_index {
    std::unique_ptr<SquaredEuclideanSpace> space;
    std::unique_ptr<Graph> graph;
    /// 1/ln M, hnswlib's level multiplier, written to files (the live graph holds 0: levels come from the caller).
    double levelMultiplier;
};

namespace {

chnsw_index *makeIndex(size_t dimension, size_t capacity, size_t m, size_t efConstruction) {
    auto index = std::unique_ptr<chnsw_index>(new chnsw_index());
    index->space.reset(new SquaredEuclideanSpace(dimension));
    index->graph.reset(new Graph(index->space.get(), capacity, m, efConstruction, 0));
    index->levelMultiplier = index->graph->mult_;
    // With a multiplier of 0 hnswlib's own random level is 0 (its generator is still called, so it must not matter),
    // and `addPoint` takes the caller's level when it is positive: every level is the caller's.
    index->graph->mult_ = 0;
    return index.release();
}

void writeReason(char *reason, size_t capacity, const char *format, unsigned long long a = 0, unsigned long long b = 0) {
    if (reason && capacity > 0) std::snprintf(reason, capacity, format, a, b);
}

/// The `k` nearest vectors of `query` by a scan of all of them, nearest first: the answer for a query from which
/// fewer than `k` vectors are reachable in the graph (possible in tiny or degenerate graphs).
void scanAll(const Graph &graph, const float *query, size_t k, int64_t *labels, float *distances) {
    std::priority_queue<std::pair<float, size_t>> best;
    for (size_t i = 0; i < graph.cur_element_count; i++) {
        float d = graph.fstdistfunc_(query, graph.getDataByInternalId(static_cast<Link>(i)), graph.dist_func_param_);
        if (best.size() < k) {
            best.emplace(d, i);
        } else if (d < best.top().first) {
            best.pop();
            best.emplace(d, i);
        }
    }
    for (size_t i = best.size(); i > 0; i--) {
        labels[i - 1] = static_cast<int64_t>(graph.getExternalLabel(static_cast<Link>(best.top().second)));
        distances[i - 1] = best.top().first;
        best.pop();
    }
}

} // namespace

extern "C" {

chnsw_index *chnsw_create(size_t dimension, size_t capacity, size_t m, size_t ef_construction) {
    if (dimension < 1 || dimension > (1u << 24) || capacity < 1 || capacity >= (size_t(1) << 32) || m < 2
        || m > 10000 || ef_construction < 1) {
        return nullptr;
    }
    try {
        return makeIndex(dimension, capacity, m, ef_construction);
    } catch (...) {
        return nullptr;
    }
}

void chnsw_free(chnsw_index *index) { delete index; }

int chnsw_add(chnsw_index *index, const float *row, size_t label, int32_t level) {
    if (!index || !row || level < 0 || label >= index->graph->max_elements_) return CHNSW_INVALID_ARGUMENT;
    try {
        index->graph->addPoint(row, label, level);
        return CHNSW_OK;
    } catch (const std::bad_alloc &) {
        return CHNSW_OUT_OF_MEMORY;
    } catch (...) {
        return CHNSW_INTERNAL;
    }
}

int chnsw_search(const chnsw_index *index, const float *queries, size_t count, size_t k, size_t ef, int64_t *labels,
                 float *squared_distances) {
    if (!index || (count > 0 && (!queries || !labels || !squared_distances)) || k < 1
        || k > index->graph->cur_element_count) {
        return CHNSW_INVALID_ARGUMENT;
    }
    const Graph &graph = *index->graph;
    const size_t dimension = graph.data_size_ / sizeof(float);
    try {
        for (size_t q = 0; q < count; q++) {
            const float *query = queries + q * dimension;
            int64_t *outLabels = labels + q * k;
            float *outDistances = squared_distances + q * k;
            size_t found = 0;
            if (graph.cur_element_count > 0) {
                // hnswlib's `searchKnn` with the candidate list as an argument (its `ef_` is shared state) and
                // without its shared counters (atomics every thread would write).
                Link current = graph.enterpoint_node_;
                float currentDistance = graph.fstdistfunc_(query, graph.getDataByInternalId(current),
                                                           graph.dist_func_param_);
                for (int level = graph.maxlevel_; level > 0; level--) {
                    bool changed = true;
                    while (changed) {
                        changed = false;
                        const LinkCount *list = graph.get_linklist(current, level);
                        const size_t size = graph.getListCount(const_cast<LinkCount *>(list));
                        const Link *links = reinterpret_cast<const Link *>(list + 1);
                        for (size_t i = 0; i < size; i++) {
                            float d = graph.fstdistfunc_(query, graph.getDataByInternalId(links[i]),
                                                         graph.dist_func_param_);
                            if (d < currentDistance) {
                                currentDistance = d;
                                current = links[i];
                                changed = true;
                            }
                        }
                    }
                }
                auto candidates = graph.searchBaseLayerST<false, false>(current, query, std::max(ef, k));
                while (candidates.size() > k) candidates.pop();
                found = candidates.size();
                for (size_t i = found; i > 0; i--) {
                    outLabels[i - 1] = static_cast<int64_t>(graph.getExternalLabel(candidates.top().second));
                    outDistances[i - 1] = candidates.top().first;
                    candidates.pop();
                }
            }
            if (found < k) scanAll(graph, query, k, outLabels, outDistances);
        }
        return CHNSW_OK;
    } catch (const std::bad_alloc &) {
        return CHNSW_OUT_OF_MEMORY;
    } catch (...) {
        return CHNSW_INTERNAL;
    }
}

size_t chnsw_count(const chnsw_index *index) { return index ? index->graph->cur_element_count : 0; }

size_t chnsw_memory_bytes(const chnsw_index *index) {
    if (!index) return 0;
    const Graph &graph = *index->graph;
    const size_t capacity = graph.max_elements_;
    size_t bytes = capacity * graph.size_data_per_element_                       // vectors, layer-0 links, labels
                   + capacity * (sizeof(char *) + sizeof(int) + sizeof(std::mutex))  // list pointers, levels, locks
                   + Graph::max_update_element_locks * sizeof(std::mutex)
                   + graph.label_lookup_.size() * (sizeof(void *) * 2 + sizeof(hnswlib::labeltype) + sizeof(Link))
                   + graph.label_lookup_.bucket_count() * sizeof(void *);
    for (size_t i = 0; i < graph.cur_element_count; i++) {
        if (graph.element_levels_[i] > 0) bytes += graph.size_links_per_element_ * graph.element_levels_[i] + 1;
    }
    return bytes;
}

size_t chnsw_serialized_size(const chnsw_index *index) {
    if (!index) return 0;
    const Graph &graph = *index->graph;
    size_t size = headerSize + graph.cur_element_count * graph.size_data_per_element_;
    for (size_t i = 0; i < graph.cur_element_count; i++) {
        size += sizeof(unsigned int);
        if (graph.element_levels_[i] > 0) size += graph.size_links_per_element_ * graph.element_levels_[i];
    }
    return size;
}

int chnsw_serialize(const chnsw_index *index, uint8_t *bytes, size_t size) {
    if (!index || !bytes || size != chnsw_serialized_size(index)) return CHNSW_INVALID_ARGUMENT;
    const Graph &graph = *index->graph;
    Cursor out{bytes, bytes, size};
    // `max_elements_` is written as the count, so a loaded graph is exactly full.
    out.write(graph.offsetLevel0_);
    out.write(graph.cur_element_count);
    out.write(graph.cur_element_count);
    out.write(graph.size_data_per_element_);
    out.write(graph.label_offset_);
    out.write(graph.offsetData_);
    out.write(graph.maxlevel_);
    out.write(graph.enterpoint_node_);
    out.write(graph.maxM_);
    out.write(graph.maxM0_);
    out.write(graph.M_);
    out.write(index->levelMultiplier);
    out.write(graph.ef_construction_);
    out.write(graph.data_level0_memory_, graph.cur_element_count * graph.size_data_per_element_);
    for (size_t i = 0; i < graph.cur_element_count; i++) {
        unsigned int listSize = graph.element_levels_[i] > 0
                                    ? static_cast<unsigned int>(graph.size_links_per_element_ * graph.element_levels_[i])
                                    : 0;
        out.write(listSize);
        if (listSize) out.write(graph.linkLists_[i], listSize);
    }
    return CHNSW_OK;
}

int chnsw_validate(const uint8_t *bytes, size_t size, size_t dimension, char *reason, size_t reason_capacity) {
    if (!bytes || dimension < 1 || dimension > (1u << 24)) {
        writeReason(reason, reason_capacity, "no graph");
        return CHNSW_INVALID_ARGUMENT;
    }
    Cursor in{nullptr, bytes, size};
    Header h;
    if (!readHeader(in, h)) {
        writeReason(reason, reason_capacity, "the graph header is truncated (%llu of %llu bytes)", size, headerSize);
        return CHNSW_INVALID_ARGUMENT;
    }
    const size_t level0ListSize = h.maxM0 * sizeof(Link) + sizeof(LinkCount);
    const size_t vectorSize = dimension * sizeof(float);
    if (h.m < 2 || h.m > 10000 || h.maxM != h.m || h.maxM0 != 2 * h.m) {
        writeReason(reason, reason_capacity, "the graph has inconsistent link limits (M = %llu, layer 0: %llu)", h.m,
                    h.maxM0);
        return CHNSW_INVALID_ARGUMENT;
    }
    if (h.offsetLevel0 != 0 || h.offsetData != level0ListSize || h.labelOffset != level0ListSize + vectorSize
        || h.sizeDataPerElement != h.labelOffset + sizeof(hnswlib::labeltype)) {
        writeReason(reason, reason_capacity, "the graph's element layout is not that of %llu-dimensional vectors",
                    dimension);
        return CHNSW_INVALID_ARGUMENT;
    }
    if (h.count < 1 || h.count >= (size_t(1) << 32) || h.maxElements != h.count || h.maxLevel < 0
        || h.maxLevel > 64 || h.enterPoint >= h.count || !(h.mult > 0) || !std::isfinite(h.mult)
        || h.efConstruction < 1) {
        writeReason(reason, reason_capacity, "the graph header has values out of range (%llu elements)", h.count);
        return CHNSW_INVALID_ARGUMENT;
    }
    const size_t count = h.count;
    if ((size - in.offset) / h.sizeDataPerElement < count) {
        writeReason(reason, reason_capacity, "the graph is truncated: %llu elements of %llu bytes do not fit", count,
                    h.sizeDataPerElement);
        return CHNSW_INVALID_ARGUMENT;
    }
    const uint8_t *level0 = bytes + in.offset;
    in.skip(count * h.sizeDataPerElement);

    // Upper layers: each element's list block, its level from its size.
    const size_t upperSize = upperListSize(h.maxM);
    std::vector<int> levels(count, 0);
    std::vector<size_t> upperOffsets(count, 0);
    for (size_t i = 0; i < count; i++) {
        unsigned int listSize;
        if (!in.read(listSize)) {
            writeReason(reason, reason_capacity, "the graph is truncated at the links of element %llu", i);
            return CHNSW_INVALID_ARGUMENT;
        }
        if (listSize % upperSize != 0 || listSize / upperSize > static_cast<size_t>(h.maxLevel)) {
            writeReason(reason, reason_capacity, "element %llu has a malformed upper-layer link block (%llu bytes)", i,
                        listSize);
            return CHNSW_INVALID_ARGUMENT;
        }
        levels[i] = static_cast<int>(listSize / upperSize);
        upperOffsets[i] = in.offset;
        if (!in.skip(listSize)) {
            writeReason(reason, reason_capacity, "the graph is truncated at the links of element %llu", i);
            return CHNSW_INVALID_ARGUMENT;
        }
    }
    if (in.offset != size) {
        writeReason(reason, reason_capacity, "the graph has %llu bytes after its end", size - in.offset);
        return CHNSW_INVALID_ARGUMENT;
    }
    if (levels[h.enterPoint] != h.maxLevel) {
        writeReason(reason, reason_capacity, "the entry point %llu is not on the top layer %llu", h.enterPoint,
                    static_cast<unsigned long long>(h.maxLevel));
        return CHNSW_INVALID_ARGUMENT;
    }

    std::vector<bool> labelSeen(count, false);
    for (size_t i = 0; i < count; i++) {
        const uint8_t *element = level0 + i * h.sizeDataPerElement;
        uint32_t flags;
        const uint32_t linkCount = listCount(element, flags);
        if (flags != 0 || linkCount > h.maxM0) {
            writeReason(reason, reason_capacity, "element %llu has a malformed layer-0 link list (%llu links)", i,
                        linkCount);
            return CHNSW_INVALID_ARGUMENT;
        }
        for (uint32_t j = 0; j < linkCount; j++) {
            Link link;
            std::memcpy(&link, element + sizeof(LinkCount) + j * sizeof(Link), sizeof(Link));
            if (link >= count) {
                writeReason(reason, reason_capacity, "element %llu links to %llu, outside the graph", i, link);
                return CHNSW_INVALID_ARGUMENT;
            }
        }
        for (size_t c = 0; c < dimension; c++) {
            float value;
            std::memcpy(&value, element + h.offsetData + c * sizeof(float), sizeof(float));
            if (!std::isfinite(value)) {
                writeReason(reason, reason_capacity, "element %llu has a non-finite coordinate %llu", i, c);
                return CHNSW_INVALID_ARGUMENT;
            }
        }
        hnswlib::labeltype label;
        std::memcpy(&label, element + h.labelOffset, sizeof(label));
        if (label >= count || labelSeen[label]) {
            writeReason(reason, reason_capacity, "element %llu has label %llu, not a distinct row index", i, label);
            return CHNSW_INVALID_ARGUMENT;
        }
        labelSeen[label] = true;
        for (int level = 1; level <= levels[i]; level++) {
            const uint8_t *list = bytes + upperOffsets[i] + (level - 1) * upperSize;
            const uint32_t upperCount = listCount(list, flags);
            if (flags != 0 || upperCount > h.maxM) {
                writeReason(reason, reason_capacity, "element %llu has a malformed link list on layer %llu", i,
                            static_cast<unsigned long long>(level));
                return CHNSW_INVALID_ARGUMENT;
            }
            for (uint32_t j = 0; j < upperCount; j++) {
                Link link;
                std::memcpy(&link, list + sizeof(LinkCount) + j * sizeof(Link), sizeof(Link));
                if (link >= count || levels[link] < level) {
                    writeReason(reason, reason_capacity, "element %llu links to %llu on a layer that one lacks", i,
                                link);
                    return CHNSW_INVALID_ARGUMENT;
                }
            }
        }
    }
    return CHNSW_OK;
}

chnsw_index *chnsw_deserialize(const uint8_t *bytes, size_t size, size_t dimension) {
    if (chnsw_validate(bytes, size, dimension, nullptr, 0) != CHNSW_OK) return nullptr;
    try {
        Cursor in{nullptr, bytes, size};
        Header h;
        readHeader(in, h);
        std::unique_ptr<chnsw_index> index(makeIndex(dimension, h.count, h.m, h.efConstruction));
        index->levelMultiplier = h.mult;
        Graph &graph = *index->graph;
        std::memcpy(graph.data_level0_memory_, bytes + in.offset, h.count * h.sizeDataPerElement);
        in.skip(h.count * h.sizeDataPerElement);
        graph.cur_element_count = h.count;
        graph.maxlevel_ = h.maxLevel;
        graph.enterpoint_node_ = h.enterPoint;
        // `makeIndex` sets `ef_construction_` to max(efConstruction, M); the file's value is the one it was built with.
        graph.ef_construction_ = h.efConstruction;
        for (size_t i = 0; i < h.count; i++) {
            unsigned int listSize;
            in.read(listSize);
            graph.element_levels_[i] = static_cast<int>(listSize / graph.size_links_per_element_);
            graph.linkLists_[i] = nullptr;
            if (listSize) {
                graph.linkLists_[i] = static_cast<char *>(std::malloc(listSize));
                if (!graph.linkLists_[i]) {
                    graph.element_levels_[i] = 0;
                    graph.cur_element_count = i;    // the destructor frees the lists before i
                    return nullptr;
                }
                std::memcpy(graph.linkLists_[i], bytes + in.offset, listSize);
                in.skip(listSize);
            }
        }
        // hnswlib's label table serves only insertion, which a loaded graph (full by construction) never does.
        return index.release();
    } catch (...) {
        return nullptr;
    }
}

} // extern "C"
