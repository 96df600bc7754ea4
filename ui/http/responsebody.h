#pragma once

#include <memory>

#include <QByteArray>
#include <QString>

#include "http/jsontree.h"

class QFont;
class QTextDocument;
class QThread;

// A response body made ready to show: parsed as JSON when it is JSON, and as
// text documents for the pretty and raw views. Everything here costs time in
// proportion to the body, so it runs on a worker thread.
struct ResponseBody
{
    // QPlainTextEdit is slow with more: the views show the first TextLimit bytes.
    static constexpr qsizetype TextLimit = 2 * 1000 * 1000;
    // Laying out one long line costs time in proportion to its length, on every
    // repaint: the raw view breaks longer lines into pieces of this many characters.
    static constexpr qsizetype LineLimit = 4096;

    QString type;             // media type, e.g. "application/json"
    bool looksJson = false;   // by its content type or first character
    bool isJson = false;
    QString jsonError;
    JsonTree tree;
    // Made on the worker, owned by the GUI thread; deleted later by whoever lets go last.
    std::shared_ptr<QTextDocument> pretty;  // null when not JSON
    std::shared_ptr<QTextDocument> raw;
    bool linesBroken = false;
    qsizetype size = 0;

    // `gui` is the thread the documents are handed to.
    static ResponseBody prepare(const QByteArray &body, const QString &contentType, const QFont &font, QThread *gui);
};

// Text with lines longer than `limit` characters cut into pieces.
QString breakLongLines(const QString &text, qsizetype limit);
