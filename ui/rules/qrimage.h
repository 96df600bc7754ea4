#pragma once

#include <QImage>

#include "share/qrcode.h"

// The QR code as a black-on-white image with the standard quiet zone of 4
// modules on each side: (size + 8) * pixelsPerModule pixels square.
QImage qrImage(const QrCode &code, int pixelsPerModule);

// Pixels per module so the image is about `targetPixels` wide, at least 2
// (readers need a few pixels per module).
int qrScale(const QrCode &code, int targetPixels);
