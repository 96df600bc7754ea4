#include "qrimage.h"

#include <QPainter>

namespace {
constexpr int QuietZone = 4;
}

QImage qrImage(const QrCode &code, int pixelsPerModule)
{
    const int side = (code.size + 2 * QuietZone) * pixelsPerModule;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < code.size; ++y) {
        for (int x = 0; x < code.size; ++x) {
            if (code.isDark(x, y)) {
                painter.fillRect((x + QuietZone) * pixelsPerModule, (y + QuietZone) * pixelsPerModule,
                                 pixelsPerModule, pixelsPerModule, Qt::black);
            }
        }
    }
    return image;
}

int qrScale(const QrCode &code, int targetPixels)
{
    return qMax(2, targetPixels / (code.size + 2 * QuietZone));
}
