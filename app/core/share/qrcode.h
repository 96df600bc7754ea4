#pragma once

#include <vector>

#include <QString>

#include "result.h"

// A QR code's modules (the black and white squares), without the quiet zone.
struct QrCode
{
    int version = 0;  // 1-40
    int size = 0;     // modules per side: 17 + 4 * version
    std::vector<bool> modules;  // row by row; true is dark

    bool isDark(int x, int y) const { return modules[std::size_t(y) * std::size_t(size) + std::size_t(x)]; }
};

// `text` as UTF-8 bytes, error correction level M (15 %), the smallest version
// that holds it (libqrencode). The error says when the text is too long.
Result<QrCode> encodeQr(const QString &text);
