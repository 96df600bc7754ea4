#include "qrcode.h"

#include <cerrno>
#include <cstring>
#include <memory>

#include <QCoreApplication>

#include <qrencode.h>

Result<QrCode> encodeQr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    // Case-sensitive 8-bit mode: a URL stays as typed.
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(bytes.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) {
        const QString reason = errno == ERANGE
            ? QCoreApplication::translate("Share", "the text is too long for a QR code (%1 bytes)").arg(bytes.size())
            : QCoreApplication::translate("Share", "the QR code could not be made (%1)")
                  .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return Error{reason};
    }
    QrCode result;
    result.version = code->version;
    result.size = code->width;
    result.modules.resize(std::size_t(code->width) * std::size_t(code->width));
    // Bit 0 of each byte is the module's colour; the other bits say what part of the symbol it is.
    for (std::size_t i = 0; i < result.modules.size(); ++i)
        result.modules[i] = (code->data[i] & 1) != 0;
    return result;
}
