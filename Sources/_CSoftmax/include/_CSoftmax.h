// The exponential of MetricLearn's stochastic-neighbour softmax (`SoftmaxExponential` in Swift), and its loops
// over a row of squared distances compiled once per x86-64 vector width. No stable API.
#ifndef CSOFTMAX_H
#define CSOFTMAX_H

#include <stdint.h>
#include <string.h>

/// e^t for cutoff ≤ t ≤ 709, 0 for t < cutoff (cutoff ≥ −708): Cody–Waite reduction t = k·ln 2 + r, |r| ≤ ln 2 / 2,
/// e^r by its degree-12 Taylor polynomial in Estrin's scheme, 2ᵏ from its bits. Branch-free, no libm, no fused
/// multiply-adds (the same bits whatever instructions a loop of it is compiled to); within 3 ulp of `exp`.
static inline double csoftmax_exp(double t, double cutoff) {
#pragma clang fp contract(off)
    const double clamped = cutoff >= t ? cutoff : t;  // Swift's max(t, cutoff)
    const double shifter = 0x1.8p52;  // adding it rounds to an integer in the low bits
    const double shifted = clamped * 1.4426950408889634 + shifter;
    const double k = shifted - shifter;
    const double r = (clamped - k * 0x1.62e42fee00000p-1) - k * 0x1.a39ef35793c76p-33;  // ln 2 split hi + lo
    const double r2 = r * r;
    const double r4 = r2 * r2;
    const double low = (r + r2 * (1.0 / 2 + r * (1.0 / 6)))
        + r4 * ((1.0 / 24 + r * (1.0 / 120)) + r2 * (1.0 / 720 + r * (1.0 / 5040)));
    const double high = ((1.0 / 40320 + r * (1.0 / 362880)) + r2 * (1.0 / 3628800 + r * (1.0 / 39916800)))
        + r4 * (1.0 / 479001600);
    const double p = 1 + (low + (r4 * r4) * high);
    uint64_t bits;
    memcpy(&bits, &shifted, sizeof bits);
    bits = (bits + 1023) << 52;  // 2ᵏ, k ∈ [−1021, 1023]
    double scale;
    memcpy(&scale, &bits, sizeof scale);
    return t < cutoff ? 0 : p * scale;
}

/// out[c] = csoftmax_exp(shift − distances[c], cutoff) for c < count; `out` may be `distances`.
void csoftmax_exp_row(double *out, const double *distances, double shift, double cutoff, long count);

/// out[c] = csoftmax_exp((shift + scale·shifts[c]) − distances[c], cutoff) for c < count; `out` may be
/// `distances`.
void csoftmax_exp_columns(double *out, const double *distances, double shift, const double *shifts, double scale,
                          double cutoff, long count);

#endif
