#include "inspect/streaminspector.h"

#include <utility>

#include <QCoreApplication>

namespace {

constexpr qsizetype MaxPending = 64;  // pipelined requests waiting for their answers
constexpr qsizetype MaxDetail = 40;

// Bytes as a user can read them in a reason: printable ASCII, the rest escaped.
QString readable(const QByteArray &bytes)
{
    QString text;
    for (const char c : bytes.left(MaxDetail)) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\r')
            text += u"\\r";
        else if (c == '\n')
            text += u"\\n";
        else if (u >= 0x20 && u < 0x7f)
            text += QLatin1Char(c);
        else
            text += u"\\x" % QString::number(u, 16).rightJustified(2, u'0');
    }
    return text;
}

// The authority of an absolute-form target ("http://api.local:8080/x" -> "api.local:8080").
QByteArrayView targetAuthority(QByteArrayView target)
{
    const qsizetype scheme = target.indexOf("://");
    if (scheme <= 0)
        return {};
    QByteArrayView authority = target.sliced(scheme + 3);
    for (const char end : {'/', '?', '#'}) {
        const qsizetype at = authority.indexOf(end);
        if (at >= 0)
            authority.truncate(at);
    }
    const qsizetype at = authority.lastIndexOf(QByteArrayView("@"));
    return at < 0 ? authority : authority.sliced(at + 1);
}

// The usual words as shared literals: no allocation for them on every request.
QString word(QByteArrayView bytes)
{
    static const QString common[] = {QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("HEAD"),
                                     QStringLiteral("PUT"), QStringLiteral("HTTP/1.1"), QStringLiteral("HTTP/1.0"),
                                     QStringLiteral("OK")};
    for (const QString &known : common) {
        if (known.size() == bytes.size() && QLatin1StringView(bytes.data(), bytes.size()) == known)
            return known;
    }
    return QString::fromUtf8(bytes);
}

// Empties a collector when the head parsed from it (views into it) is done with.
struct ResetWhenDone
{
    HeadCollector &collector;
    ~ResetWhenDone() { collector.reset(); }
};

} // namespace

void InspectedRequest::dropCapture()
{
    captured = false;
    responseHead.clear();
    requestBody.clear();
    responseBody.clear();
}

StreamInspector::StreamInspector() = default;

void StreamInspector::setCaptureLimit(qsizetype bytes)
{
    m_capture = bytes > 0;
    m_requestBody.setCaptureLimit(bytes);
    m_responseBody.setCaptureLimit(bytes);
}

void StreamInspector::clientData(const char *data, qsizetype size, qint64 nowMs)
{
    if (m_done || size <= 0)
        return;
    if (!m_clientSeen) {
        m_clientSeen = true;
        m_isTls = static_cast<unsigned char>(data[0]) == 0x16;
    }
    if (!m_isTls) {
        clientHttp(data, size, nowMs);
        return;
    }
    switch (m_hello.feed(data, size)) {
    case TlsHelloReader::Status::Done:
        m_tls = m_hello.result();
        m_kind = Kind::Tls;
        stop();
        break;
    case TlsHelloReader::Status::Bad:
        fail(m_hello.why());
        break;
    case TlsHelloReader::Status::NeedMore:
        break;
    }
}

void StreamInspector::serverData(const char *data, qsizetype size, qint64 nowMs)
{
    if (m_done || size <= 0)
        return;
    if (!m_clientSeen) {
        fail(QT_TRANSLATE_NOOP("Inspect", "not HTTP: the server spoke first"));
        return;
    }
    if (m_isTls)
        return;  // the server has nothing to say before a complete ClientHello
    while (size > 0 && !m_done) {
        qsizetype used = 0;
        if (m_inResponseBody) {
            used = m_responseBody.feed(data, size);
            m_pending[m_answered].record.responseBodySize = m_responseBody.dataBytes();
            if (m_responseBody.why()) {
                fail(m_responseBody.why());
                return;
            }
            if (m_responseBody.finished()) {
                m_inResponseBody = false;
                responseEnded(nowMs);
            }
        } else {
            used = responseHeadBytes(data, size, nowMs);
        }
        data += used;
        size -= used;
    }
}

void StreamInspector::finish(qint64 nowMs, bool serverEof)
{
    if (m_done)
        return;
    if (m_inResponseBody && m_responseBody.untilClose() && serverEof) {
        m_inResponseBody = false;
        responseEnded(nowMs);
    }
    stop();
}

QString StreamInspector::otherReason() const
{
    if (!m_why)
        return {};
    const QString text = QCoreApplication::translate("Inspect", m_why);
    return text.contains(u"%1") ? text.arg(m_whyDetail) : text;
}

QList<InspectedRequest> StreamInspector::takeRequests()
{
    return std::exchange(m_ready, {});
}

qsizetype StreamInspector::bufferedBytes() const
{
    return m_requestHead.bytes().size() + m_responseHead.bytes().size() + m_hello.bufferedBytes()
           + m_requestBody.capturedBytes() + m_responseBody.capturedBytes();
}

void StreamInspector::clientHttp(const char *data, qsizetype size, qint64 nowMs)
{
    while (size > 0 && !m_done) {
        qsizetype used = 0;
        if (m_inRequestBody) {
            used = m_requestBody.feed(data, size);
            Pending &pending = m_pending.last();
            pending.record.requestBodySize = m_requestBody.dataBytes();
            if (m_requestBody.why()) {
                fail(m_requestBody.why());
                return;
            }
            if (m_requestBody.finished()) {
                m_inRequestBody = false;
                pending.record.requestBody = m_requestBody.takeCaptured();
                pending.requestDone = true;
                emitReady();
            }
        } else if (!m_pending.isEmpty() && m_pending.constLast().tunnelAsked && !m_pending.constLast().responseDone) {
            // The client may start the tunnel before it is granted: wait for the answer.
            return;
        } else {
            used = requestHeadBytes(data, size, nowMs);
        }
        data += used;
        size -= used;
    }
}

qsizetype StreamInspector::requestHeadBytes(const char *data, qsizetype size, qint64 nowMs)
{
    qsizetype used = 0;
    if (!m_requestHead.started()) {
        // Empty lines before a request line are ignored (RFC 9112, 2.2), e.g. after a POST body.
        while (used < size && (data[used] == '\r' || data[used] == '\n'))
            ++used;
        if (used == size)
            return used;
        m_requestStartMs = nowMs;
    }
    for (qsizetype i = used; !m_requestLineDone && i < size; ++i) {
        const RequestLineChecker::Verdict verdict = m_requestLine.feed(data[i]);
        if (verdict == RequestLineChecker::Verdict::NeedMore)
            continue;
        const auto line = [&]() -> QByteArray { return m_requestHead.bytes() + QByteArray(data + used, i + 1 - used); };
        if (verdict == RequestLineChecker::Verdict::Bad) {
            fail(QT_TRANSLATE_NOOP("Inspect", "not HTTP: request line \"%1\""), readable(line()));
            return size;
        }
        if (m_requestLine.major() != '1') {
            if (line().startsWith("PRI * HTTP/2.0"))
                fail(QT_TRANSLATE_NOOP("Inspect", "HTTP/2 without TLS"));
            else
                fail(QT_TRANSLATE_NOOP("Inspect", "not HTTP/1.x: request line \"%1\""), readable(line()));
            return size;
        }
        m_requestLineDone = true;
        if (m_kind == Kind::Unknown)
            m_kind = Kind::Http;
    }
    qsizetype taken = 0;
    const HeadCollector::Status status = m_requestHead.feed(data + used, size - used, taken);
    used += taken;
    if (status == HeadCollector::Status::TooLong)
        fail(QT_TRANSLATE_NOOP("Inspect", "request headers longer than 64 KiB"));
    else if (status == HeadCollector::Status::Complete)
        requestHeadComplete();
    return used;
}

void StreamInspector::requestHeadComplete()
{
    const ResetWhenDone later{m_requestHead};
    const QByteArray &block = m_requestHead.bytes();
    const ParsedHead head = parseRequestHead(block);
    m_requestLine.reset();
    m_requestLineDone = false;
    if (head.why) {
        fail(head.why);
        return;
    }
    if (m_pending.size() >= MaxPending) {
        fail(QT_TRANSLATE_NOOP("Inspect", "more than %1 requests waiting for their answers"), QString::number(MaxPending));
        return;
    }
    Pending pending;
    InspectedRequest &record = pending.record;
    record.index = m_nextIndex++;
    record.startMs = m_requestStartMs;
    if (m_details) {
        record.method = word(head.first[0]);
        record.target = QString::fromUtf8(head.first[1]);
        record.version = word(head.first[2]);
        record.head = QByteArray(block.constData(), block.size());  // a copy: the collector keeps its buffer
        record.captured = m_capture;
    }
    pending.head = head.first[0] == "HEAD";
    pending.connect = head.first[0] == "CONNECT";
    pending.tunnelAsked = pending.connect || head.has("upgrade");
    if (m_details) {
        const QByteArrayView host = head.value("host");
        record.host = QString::fromUtf8(!host.isEmpty() ? host : pending.connect ? head.first[1] : targetAuthority(head.first[1]));
    }

    BodyFramer::Mode mode = BodyFramer::Mode::None;
    qint64 length = 0;
    if (head.has("transfer-encoding")) {
        if (!chunkedLast(head.value("transfer-encoding"))) {
            fail(QT_TRANSLATE_NOOP("Inspect", "not HTTP: a request body in an unknown transfer coding"));
            return;
        }
        mode = BodyFramer::Mode::Chunked;
    } else if (head.has("content-length")) {
        length = contentLength(head.value("content-length"));
        if (length < 0) {
            fail(QT_TRANSLATE_NOOP("Inspect", "not HTTP: a request with an invalid Content-Length"));
            return;
        }
        mode = BodyFramer::Mode::Length;
    }
    m_requestBody.start(mode, length);
    m_inRequestBody = !m_requestBody.finished();
    pending.requestDone = !m_inRequestBody;
    m_pending.append(std::move(pending));
}

qsizetype StreamInspector::responseHeadBytes(const char *data, qsizetype size, qint64 nowMs)
{
    if (m_answered >= m_pending.size()) {
        fail(QT_TRANSLATE_NOOP("Inspect", "not HTTP: the server sent bytes no request asked for"));
        return size;
    }
    qsizetype used = 0;
    if (!m_responseHead.started()) {
        while (used < size && (data[used] == '\r' || data[used] == '\n'))
            ++used;
        if (used == size)
            return used;
        InspectedRequest &record = m_pending[m_answered].record;
        if (record.firstByteMs < 0)
            record.firstByteMs = nowMs - record.startMs;
    }
    qsizetype taken = 0;
    const HeadCollector::Status status = m_responseHead.feed(data + used, size - used, taken);
    used += taken;
    if (status == HeadCollector::Status::TooLong)
        fail(QT_TRANSLATE_NOOP("Inspect", "response headers longer than 64 KiB"));
    else if (status == HeadCollector::Status::Complete)
        responseHeadComplete(nowMs);
    return used;
}

void StreamInspector::responseHeadComplete(qint64 nowMs)
{
    const ResetWhenDone later{m_responseHead};
    const ParsedHead head = parseResponseHead(m_responseHead.bytes());
    if (head.why) {
        fail(head.why);
        return;
    }
    const QByteArrayView code = head.first[1];
    const int status = (code.at(0) - '0') * 100 + (code.at(1) - '0') * 10 + (code.at(2) - '0');
    if (status >= 100 && status < 200 && status != 101)
        return;  // interim: the final answer follows
    Pending &pending = m_pending[m_answered];
    InspectedRequest &record = pending.record;
    record.status = status;
    if (m_details) {
        record.reason = word(head.first[2]);
        record.contentType = QString::fromUtf8(head.value("content-type"));
        if (m_capture)
            record.responseHead = QByteArray(m_responseHead.bytes().constData(), m_responseHead.bytes().size());
    }
    m_responseBody.start(BodyFramer::Mode::None);
    if (status == 101 || (pending.connect && status / 100 == 2)) {
        // The connection becomes a tunnel: nothing more to learn from it.
        pending.requestDone = true;
        responseEnded(nowMs);
        stop();
        return;
    }
    BodyFramer::Mode mode = BodyFramer::Mode::UntilClose;
    qint64 length = 0;
    if (pending.head || status == 204 || status == 304) {
        mode = BodyFramer::Mode::None;
    } else if (head.has("transfer-encoding")) {
        if (chunkedLast(head.value("transfer-encoding")))
            mode = BodyFramer::Mode::Chunked;
    } else if (head.has("content-length")) {
        length = contentLength(head.value("content-length"));
        if (length < 0) {
            fail(QT_TRANSLATE_NOOP("Inspect", "not HTTP: an answer with an invalid Content-Length"));
            return;
        }
        mode = BodyFramer::Mode::Length;
    }
    m_responseBody.start(mode, length);
    if (m_responseBody.finished())
        responseEnded(nowMs);
    else
        m_inResponseBody = true;
}

void StreamInspector::responseEnded(qint64 nowMs)
{
    Pending &pending = m_pending[m_answered];
    pending.responseDone = true;
    pending.record.complete = true;
    pending.record.responseBodySize = m_responseBody.dataBytes();
    pending.record.responseBody = m_responseBody.takeCaptured();
    pending.record.totalMs = nowMs - pending.record.startMs;
    ++m_answered;
    emitReady();
}

void StreamInspector::emitReady()
{
    while (!m_pending.isEmpty() && m_pending.constFirst().requestDone && m_pending.constFirst().responseDone) {
        m_ready.append(std::move(m_pending.first().record));
        m_pending.removeFirst();
        --m_answered;
    }
}

void StreamInspector::stop()
{
    // Bodies cut short keep what came of them.
    if (m_inRequestBody)
        m_pending.last().record.requestBody = m_requestBody.takeCaptured();
    if (m_inResponseBody)
        m_pending[m_answered].record.responseBody = m_responseBody.takeCaptured();
    m_requestBody.takeCaptured();
    m_responseBody.takeCaptured();
    for (Pending &pending : m_pending)
        m_ready.append(std::move(pending.record));
    m_pending.clear();
    m_answered = 0;
    m_inRequestBody = false;
    m_inResponseBody = false;
    m_requestHead.reset();
    m_responseHead.reset();
    m_hello = TlsHelloReader();
    m_done = true;
}

void StreamInspector::fail(const char *why, const QString &detail)
{
    m_kind = Kind::Other;
    m_why = why;
    m_whyDetail = detail;
    stop();
}
