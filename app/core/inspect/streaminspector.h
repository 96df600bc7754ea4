#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include "inspect/httpframing.h"
#include "inspect/tlshello.h"

// One HTTP/1.x exchange seen on a relayed connection. Times are milliseconds on the
// caller's monotonic clock (what it passed to the feed calls).
struct InspectedRequest
{
    int index = 0;                 // 0-based order on its connection
    qint64 startMs = 0;            // first byte of the request seen
    QString method;
    QString host;                  // the Host header (absolute-form target's host when there is none)
    QString target;                // request-target as sent, e.g. "/api/v1/items?x=1"
    QString version;               // "HTTP/1.1"
    QByteArray head;               // the request line and header fields as sent (for replay)
    qint64 requestBodySize = 0;    // body bytes on the wire after the header (chunk framing excluded)
    int status = 0;                // final status (not 1xx); 0 when no response came
    QString reason;                // reason phrase
    QString contentType;           // response Content-Type, may be empty
    qint64 responseBodySize = 0;   // Content-Length, or counted (chunked: data bytes; until-close: bytes)
    qint64 firstByteMs = -1;       // first response byte (an interim 1xx counts) minus startMs; -1 none
    qint64 totalMs = -1;           // end of response minus startMs; -1 when not complete
    bool complete = false;         // the response ended as framed (or at close for until-close bodies)
    // Kept only under StreamInspector::setCaptureLimit (the window's replay compares with them).
    bool captured = false;
    QByteArray responseHead;       // the final answer's status line and header fields as sent
    QByteArray requestBody;        // the first bytes of each body, chunk framing removed, content coding
    QByteArray responseBody;       // (gzip...) kept: shorter than its *BodySize when cut at the limit

    // The header fields of `head`, parsed when asked: the relay only keeps the block.
    QList<QPair<QByteArray, QByteArray>> headers() const { return headFields(head); }
    QList<QPair<QByteArray, QByteArray>> responseHeaders() const { return responseHeadFields(responseHead); }
    qsizetype capturedBytes() const { return responseHead.size() + requestBody.size() + responseBody.size(); }
    // Forgets what was captured (when too much is held at once).
    void dropCapture();
};

// Follows both directions of one relayed connection without changing or holding them back:
// HTTP/1.x exchanges (keep-alive, pipelining, chunked) or the TLS ClientHello's names.
// Keeps only header blocks (64 KiB each) and the ClientHello (16 KiB); bodies are counted,
// not copied (but for the first bytes setCaptureLimit asks for), so a chunk of body costs O(1).
class StreamInspector
{
public:
    enum class Kind { Unknown, Http, Tls, Other };

    StreamInspector();
    // Whether records carry the words of each exchange (method, host, target, head, reason,
    // content type). Without, they carry only status, sizes and times: cheaper, for when
    // nobody reads more than a count. On by default.
    void setDetails(bool on) { m_details = on; }
    // Keep, with the details, each answer's head and the first `bytes` of both bodies
    // (InspectedRequest::captured). 0, the default: keep none, as the relay only counts.
    void setCaptureLimit(qsizetype bytes);
    void clientData(const char *data, qsizetype size, qint64 nowMs);  // client -> target bytes
    void serverData(const char *data, qsizetype size, qint64 nowMs);  // target -> client bytes
    // The connection ended: an until-close response completes (only if the server side ended
    // cleanly), requests still waiting become records (status 0 when no answer came).
    void finish(qint64 nowMs, bool serverEof);
    Kind kind() const { return m_kind; }
    // Why parsing stopped for Kind::Other, in words for the user.
    QString otherReason() const;
    const InspectedTls *tls() const { return m_tls ? &*m_tls : nullptr; }
    // The exchanges that completed (or were ended by finish()) since the last call, in order.
    QList<InspectedRequest> takeRequests();
    // True once nothing more will be learnt: the caller stops feeding.
    bool done() const { return m_done; }
    // Bytes held for header blocks and the ClientHello (bounded; bodies are never held).
    qsizetype bufferedBytes() const;

private:
    struct Pending
    {
        InspectedRequest record;
        bool head = false;
        bool connect = false;
        bool tunnelAsked = false;  // CONNECT or Upgrade: the client may switch protocols next
        bool requestDone = false;
        bool responseDone = false;
    };

    void clientHttp(const char *data, qsizetype size, qint64 nowMs);
    qsizetype requestHeadBytes(const char *data, qsizetype size, qint64 nowMs);
    void requestHeadComplete();
    qsizetype responseHeadBytes(const char *data, qsizetype size, qint64 nowMs);
    void responseHeadComplete(qint64 nowMs);
    void responseEnded(qint64 nowMs);
    void emitReady();
    void stop();
    void fail(const char *why, const QString &detail = {});

    bool m_details = true;
    bool m_capture = false;
    Kind m_kind = Kind::Unknown;
    bool m_done = false;
    bool m_clientSeen = false;
    bool m_isTls = false;
    const char *m_why = nullptr;
    QString m_whyDetail;
    TlsHelloReader m_hello;
    std::optional<InspectedTls> m_tls;

    HeadCollector m_requestHead;
    RequestLineChecker m_requestLine;
    bool m_requestLineDone = false;
    qint64 m_requestStartMs = 0;
    BodyFramer m_requestBody;
    bool m_inRequestBody = false;

    HeadCollector m_responseHead;
    BodyFramer m_responseBody;
    bool m_inResponseBody = false;

    QList<Pending> m_pending;  // requests in order; the first m_answered have their response
    qsizetype m_answered = 0;
    QList<InspectedRequest> m_ready;
    int m_nextIndex = 0;
};
