#pragma once

#include <utility>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QVarLengthArray>

// The pieces of HTTP/1.x framing the stream inspector needs, each fed with the relayed
// bytes as they come. Failures are QT_TRANSLATE_NOOP("Inspect", ...) texts.

constexpr qsizetype MaxHeadBytes = 64 * 1024;

// Collects one header block (start line and fields) up to its empty line, bounded.
// Accepts CRLF and bare LF line ends, as servers do.
class HeadCollector
{
public:
    enum class Status { NeedMore, Complete, TooLong };

    // Takes bytes up to the end of the block; `used` says how many.
    Status feed(const char *data, qsizetype size, qsizetype &used);
    bool started() const { return !m_bytes.isEmpty(); }
    const QByteArray &bytes() const { return m_bytes; }
    void reset();

private:
    QByteArray m_bytes;
    qsizetype m_lineStart = 0;
};

// Checks a request line byte by byte as it arrives, so that a stream that is not HTTP is
// given up on at its first bytes rather than after 64 KiB.
class RequestLineChecker
{
public:
    enum class Verdict { NeedMore, Ok, Bad };

    Verdict feed(char c);
    void reset() { *this = RequestLineChecker(); }
    char major() const { return m_major; }  // the version's major digit once Ok

private:
    enum class State { Method, Target, Version, Major, Dot, Minor, Cr };
    State m_state = State::Method;
    int m_count = 0;
    char m_major = 0;
};

// One parsed header block, as views into the block (which must outlive it): parsing a
// head copies nothing, as it runs for every request and response relayed.
struct ParsedHead
{
    struct Field
    {
        QByteArrayView name;
        QByteArrayView value;  // trimmed; a folded value spans its continuation lines
    };

    QByteArrayView first[3];  // request: method, target, version; response: version, status, reason
    QVarLengthArray<Field, 32> fields;
    const char *why = nullptr;  // set when malformed

    // The fields of that name, case-insensitive, joined by ", " when there are several.
    QByteArrayView value(const char *name) const;
    bool has(const char *name) const;

private:
    mutable QByteArray m_joined;
};

ParsedHead parseRequestHead(QByteArrayView block);
ParsedHead parseResponseHead(QByteArrayView block);
// A request head's fields as sent, for a record: obs-fold continuations joined by a space.
QList<QPair<QByteArray, QByteArray>> headFields(QByteArrayView block);
// The same for a response head.
QList<QPair<QByteArray, QByteArray>> responseHeadFields(QByteArrayView block);

// Counts one message body: by Content-Length, chunked (only the size lines and trailers are
// read, data is skipped by count) or until the connection closes. Copies no body byte
// unless asked to keep the first ones.
class BodyFramer
{
public:
    enum class Mode { None, Length, Chunked, UntilClose };

    // Keep the first `limit` data bytes of each body (chunk framing removed); 0, the
    // default: keep none.
    void setCaptureLimit(qsizetype limit) { m_captureLimit = limit; }
    // The data bytes kept of the current body; empties them.
    QByteArray takeCaptured() { return std::exchange(m_captured, {}); }
    qsizetype capturedBytes() const { return m_captured.size(); }

    void start(Mode mode, qint64 length = 0);
    // Returns how many bytes belonged to the body; the rest starts the next message.
    qsizetype feed(const char *data, qsizetype size);
    bool finished() const { return m_state == State::Done; }
    bool untilClose() const { return m_state == State::UntilClose; }
    const char *why() const { return m_why; }
    qint64 dataBytes() const { return m_data; }

private:
    enum class State { Done, Length, UntilClose, SizeFirst, Size, Extension, SizeLf, Data, DataCr, DataLf,
                       TrailerStart, TrailerLf, Trailer, Failed };
    qsizetype fail(const char *why, qsizetype used);
    void capture(const char *data, qint64 size);

    State m_state = State::Done;
    qint64 m_left = 0;       // Length and Data: bytes still to skip
    qint64 m_data = 0;       // body data so far, framing excluded
    qint64 m_chunkSize = 0;
    qint64 m_lineBytes = 0;  // extension or trailer bytes, bounded
    const char *m_why = nullptr;
    qsizetype m_captureLimit = 0;
    QByteArray m_captured;
};

// Reads a Content-Length value ("12", or an identical list "12, 12"); -1 when invalid.
qint64 contentLength(QByteArrayView value);
// Whether the last transfer coding is chunked.
bool chunkedLast(QByteArrayView transferEncoding);
