#include "_CSoftmax.h"

// On x86-64 Linux (glibc's ifunc) each loop is compiled three times, for AVX-512, AVX2 and the SSE2 baseline,
// and the loader picks the widest the CPU has. Elementwise and without fused multiply-adds, every version gives
// the same bits.
#if defined(__x86_64__) && defined(__linux__) && defined(__GLIBC__)
#define CSOFTMAX_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define CSOFTMAX_CLONES
#endif

CSOFTMAX_CLONES
void csoftmax_exp_row(double *out, const double *distances, double shift, double cutoff, long count) {
#pragma clang fp contract(off)
    // out[c] depends on distances[c] alone, so writing in place is safe in any vector width.
#pragma clang loop vectorize(assume_safety)
    for (long c = 0; c < count; c++) out[c] = csoftmax_exp(shift - distances[c], cutoff);
}

CSOFTMAX_CLONES
void csoftmax_exp_columns(double *out, const double *distances, double shift, const double *shifts, double scale,
                          double cutoff, long count) {
#pragma clang fp contract(off)
#pragma clang loop vectorize(assume_safety)
    for (long c = 0; c < count; c++) out[c] = csoftmax_exp((shift + scale * shifts[c]) - distances[c], cutoff);
}
