#include "responsebody.h"

#include <QFont>
#include <QPlainTextDocumentLayout>
#include <QTextDocument>
#include <QThread>

namespace {

// At most `limit` bytes as text, cut on a UTF-8 character boundary.
QString textPrefix(const QByteArray &bytes, qsizetype limit)
{
    if (bytes.size() <= limit)
        return QString::fromUtf8(bytes);
    qsizetype cut = limit;
    while (cut > 0 && (uchar(bytes.at(cut)) & 0xC0) == 0x80)
        --cut;
    return QString::fromUtf8(bytes.constData(), cut);
}

using Document = std::shared_ptr<QTextDocument>;

// A plain-text document for a QPlainTextEdit, made on a worker thread and handed
// to the GUI thread. Deleted later, from whichever thread lets go of it last.
Document plainDocument(const QString &text, const QFont &font, QThread *gui)
{
    auto *document = new QTextDocument;
    document->setDocumentLayout(new QPlainTextDocumentLayout(document));
    document->setDefaultFont(font);
    document->setUndoRedoEnabled(false);
    document->setPlainText(text);
    document->moveToThread(gui);
    return Document(document, [](QTextDocument *doc) { doc->deleteLater(); });
}

QString mediaType(const QString &contentType)
{
    return contentType.section(u';', 0, 0).trimmed().toLower();
}

bool looksLikeJson(const QByteArray &body, const QString &type)
{
    if (type.contains(QLatin1String("json")))
        return true;
    for (char c : body) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

} // namespace

QString breakLongLines(const QString &text, qsizetype limit)
{
    QString result;
    result.reserve(text.size() + text.size() / limit + 1);
    qsizetype column = 0;
    for (const QChar c : text) {
        if (c == u'\n') {
            column = 0;
        } else {
            if (column >= limit && !c.isLowSurrogate()) {
                result += u'\n';
                column = 0;
            }
            ++column;
        }
        result += c;
    }
    return result;
}

ResponseBody ResponseBody::prepare(const QByteArray &body, const QString &contentType, const QFont &font, QThread *gui)
{
    ResponseBody parsed;
    parsed.type = mediaType(contentType);
    parsed.size = body.size();
    parsed.looksJson = looksLikeJson(body, parsed.type);
    if (parsed.looksJson && !body.isEmpty()) {
        Result<JsonTree> tree = JsonTree::parse(body);
        if (tree) {
            parsed.isJson = true;
            parsed.tree = std::move(tree.value());
            parsed.pretty = plainDocument(textPrefix(JsonTree::pretty(body), TextLimit), font, gui);
        } else {
            parsed.jsonError = tree.error();
        }
    }
    const QString raw = textPrefix(body, TextLimit);
    const QString broken = breakLongLines(raw, LineLimit);
    parsed.linesBroken = broken.size() != raw.size();
    parsed.raw = plainDocument(parsed.linesBroken ? broken : raw, font, gui);
    return parsed;
}
