#include "inspect/httpframing.h"

#include <cstring>

#include <QtGlobal>

namespace {

constexpr qint64 MaxChunkLineBytes = 4096;  // a chunk size with its extensions
constexpr qint64 MaxChunkSize = qint64(1) << 60;

bool isTchar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'))
        return true;
    return c != 0 && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Calls line(view) for each line of a complete block, without its CR, up to the empty
// line that ends it; stops early when line() returns false.
template<typename Line>
void forEachLine(QByteArrayView block, Line line)
{
    const char *at = block.data();
    const char *end = at + block.size();
    while (at < end) {
        const auto *lf = static_cast<const char *>(std::memchr(at, '\n', size_t(end - at)));
        const char *stop = lf ? lf : end;
        QByteArrayView text(at, stop - at);
        if (text.endsWith('\r'))
            text.chop(1);
        if (text.isEmpty() || !line(text))
            return;
        at = stop + 1;
    }
}

// Field lines after the start line; an obs-fold line continues the previous value.
bool addField(QByteArrayView line, ParsedHead &head)
{
    if (line.startsWith(' ') || line.startsWith('\t')) {
        if (head.fields.isEmpty()) {
            head.why = QT_TRANSLATE_NOOP("Inspect", "not HTTP: a header block starts with a folded line");
            return false;
        }
        QByteArrayView &value = head.fields.last().value;
        const QByteArrayView more = line.trimmed();
        if (!more.isEmpty())
            value = value.isEmpty() ? more : QByteArrayView(value.data(), more.data() + more.size() - value.data());
        return true;
    }
    const qsizetype colon = line.indexOf(':');
    bool nameOk = colon > 0;
    for (qsizetype c = 0; nameOk && c < colon; ++c)
        nameOk = isTchar(line.at(c));
    if (!nameOk) {
        head.why = QT_TRANSLATE_NOOP("Inspect", "not HTTP: a malformed header line");
        return false;
    }
    head.fields.append({line.first(colon), line.sliced(colon + 1).trimmed()});
    return true;
}

template<typename StartLine>
ParsedHead parseHead(QByteArrayView block, StartLine startLine)
{
    ParsedHead head;
    bool first = true;
    forEachLine(block, [&](QByteArrayView line) {
        if (first) {
            first = false;
            return startLine(line, head);
        }
        return addField(line, head);
    });
    if (first && !head.why)
        startLine(QByteArrayView(), head);
    return head;
}

} // namespace

HeadCollector::Status HeadCollector::feed(const char *data, qsizetype size, qsizetype &used)
{
    // Find the end of the block in the new bytes first, then copy them in one go.
    used = size;
    Status status = Status::NeedMore;
    qsizetype lineStart = m_lineStart - m_bytes.size();  // relative to data; <= 0 for a line begun earlier
    for (qsizetype at = 0; at < size;) {
        const auto *lf = static_cast<const char *>(std::memchr(data + at, '\n', size_t(size - at)));
        if (!lf)
            break;
        const qsizetype end = lf - data;  // the line is [lineStart, end)
        const qsizetype length = end - lineStart;
        const char first = lineStart >= 0 ? data[lineStart] : m_bytes.at(m_bytes.size() + lineStart);
        at = lineStart = end + 1;
        if (length == 0 || (length == 1 && first == '\r')) {
            used = end + 1;
            status = Status::Complete;
            break;
        }
    }
    if (m_bytes.size() + used > MaxHeadBytes)
        return Status::TooLong;
    if (m_bytes.capacity() == 0)
        m_bytes.reserve(1024);  // most heads fit: one allocation for the connection
    m_bytes.append(data, used);
    m_lineStart = m_bytes.size() - (used - qMin(lineStart, used));
    return status;
}

void HeadCollector::reset()
{
    m_bytes.resize(0);  // the capacity stays for the next head
    m_lineStart = 0;
}

RequestLineChecker::Verdict RequestLineChecker::feed(char c)
{
    static const char version[] = "HTTP/";
    switch (m_state) {
    case State::Method:
        if (c == ' ' && m_count > 0) {
            m_state = State::Target;
            m_count = 0;
            return Verdict::NeedMore;
        }
        ++m_count;
        return isTchar(c) ? Verdict::NeedMore : Verdict::Bad;
    case State::Target:
        if (c == ' ' && m_count > 0) {
            m_state = State::Version;
            m_count = 0;
            return Verdict::NeedMore;
        }
        ++m_count;
        return static_cast<unsigned char>(c) > 0x20 && c != 0x7f ? Verdict::NeedMore : Verdict::Bad;
    case State::Version:
        if (c != version[m_count])
            return Verdict::Bad;
        if (++m_count == 5)
            m_state = State::Major;
        return Verdict::NeedMore;
    case State::Major:
        m_state = State::Dot;
        m_major = c;
        return isDigit(c) ? Verdict::NeedMore : Verdict::Bad;
    case State::Dot:
        m_state = State::Minor;
        return c == '.' ? Verdict::NeedMore : Verdict::Bad;
    case State::Minor:
        m_state = State::Cr;
        m_count = 0;
        return isDigit(c) ? Verdict::NeedMore : Verdict::Bad;
    case State::Cr:
        if (c == '\n')
            return Verdict::Ok;
        if (c == '\r' && m_count++ == 0)
            return Verdict::NeedMore;
        return Verdict::Bad;
    }
    return Verdict::Bad;
}

// The length first: most names differ in it, and the case-blind compare is the slow part.
static bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

QByteArrayView ParsedHead::value(const char *name) const
{
    QByteArrayView found;
    int count = 0;
    for (const Field &field : fields) {
        if (!sameName(field.name, name))
            continue;
        if (++count == 1) {
            found = field.value;
            continue;
        }
        if (count == 2)
            m_joined = found.toByteArray();
        m_joined += ", ";
        m_joined += field.value;
    }
    return count > 1 ? QByteArrayView(m_joined) : found;
}

bool ParsedHead::has(const char *name) const
{
    for (const Field &field : fields) {
        if (sameName(field.name, name))
            return true;
    }
    return false;
}

ParsedHead parseRequestHead(QByteArrayView block)
{
    // RequestLineChecker already vouched for the shape: METHOD SP TARGET SP HTTP/D.D
    return parseHead(block, [](QByteArrayView line, ParsedHead &head) {
        const qsizetype a = line.indexOf(' ');
        const qsizetype b = a < 0 ? -1 : line.indexOf(' ', a + 1);
        if (a <= 0 || b <= a + 1 || line.indexOf(' ', b + 1) >= 0 || b + 1 >= line.size()) {
            head.why = QT_TRANSLATE_NOOP("Inspect", "not HTTP: malformed request line");
            return false;
        }
        head.first[0] = line.first(a);
        head.first[1] = line.sliced(a + 1, b - a - 1);
        head.first[2] = line.sliced(b + 1);
        return true;
    });
}

ParsedHead parseResponseHead(QByteArrayView block)
{
    return parseHead(block, [](QByteArrayView line, ParsedHead &head) {
        // HTTP/D.D SP 3DIGIT (100 or more) [SP reason]; the reason may be missing, as some servers send it.
        const bool ok = line.size() >= 12 && line.startsWith("HTTP/") && isDigit(line.at(5)) && line.at(6) == '.'
                        && isDigit(line.at(7)) && line.at(8) == ' ' && line.at(9) >= '1' && isDigit(line.at(9))
                        && isDigit(line.at(10)) && isDigit(line.at(11)) && (line.size() == 12 || line.at(12) == ' ');
        if (!ok) {
            head.why = QT_TRANSLATE_NOOP("Inspect", "not HTTP: the server's answer has no status line");
            return false;
        }
        head.first[0] = line.first(8);
        head.first[1] = line.sliced(9, 3);
        head.first[2] = line.size() > 13 ? line.sliced(13) : QByteArrayView();
        return true;
    });
}

namespace {

QList<QPair<QByteArray, QByteArray>> fieldsOf(const ParsedHead &head)
{
    QList<QPair<QByteArray, QByteArray>> fields;
    fields.reserve(head.fields.size());
    for (const ParsedHead::Field &field : head.fields) {
        QByteArray value = field.value.toByteArray();
        if (value.contains('\n')) {
            // A folded value: each line break and the blanks around it become one space.
            QList<QByteArray> parts = value.split('\n');
            for (QByteArray &part : parts)
                part = part.trimmed();
            value = parts.join(' ');
        }
        fields.append({field.name.toByteArray(), value});
    }
    return fields;
}

} // namespace

QList<QPair<QByteArray, QByteArray>> headFields(QByteArrayView block)
{
    return fieldsOf(parseRequestHead(block));
}

QList<QPair<QByteArray, QByteArray>> responseHeadFields(QByteArrayView block)
{
    return fieldsOf(parseResponseHead(block));
}

void BodyFramer::start(Mode mode, qint64 length)
{
    m_data = 0;
    m_left = length;
    m_lineBytes = 0;
    m_why = nullptr;
    m_captured.clear();
    if (m_captureLimit > 0 && mode == Mode::Length)
        m_captured.reserve(qsizetype(qMin<qint64>(length, m_captureLimit)));
    switch (mode) {
    case Mode::None: m_state = State::Done; break;
    case Mode::Length: m_state = length > 0 ? State::Length : State::Done; break;
    case Mode::Chunked: m_state = State::SizeFirst; break;
    case Mode::UntilClose: m_state = State::UntilClose; break;
    }
}

void BodyFramer::capture(const char *data, qint64 size)
{
    const qint64 room = m_captureLimit - m_captured.size();
    if (room > 0)
        m_captured.append(data, qsizetype(qMin(room, size)));
}

qsizetype BodyFramer::fail(const char *why, qsizetype used)
{
    m_state = State::Failed;
    m_why = why;
    return used;
}

qsizetype BodyFramer::feed(const char *data, qsizetype size)
{
    static const char *const badChunk = QT_TRANSLATE_NOOP("Inspect", "not HTTP: malformed chunked body");
    qsizetype used = 0;
    while (used < size) {
        const char c = data[used];
        switch (m_state) {
        case State::Done:
        case State::Failed:
            return used;
        case State::UntilClose:
            if (m_captureLimit > 0)
                capture(data + used, size - used);
            m_data += size - used;
            return size;
        case State::Length:
        case State::Data: {
            const qint64 take = qMin<qint64>(m_left, size - used);
            if (m_captureLimit > 0)
                capture(data + used, take);
            m_left -= take;
            m_data += take;
            used += qsizetype(take);
            if (m_left == 0)
                m_state = m_state == State::Length ? State::Done : State::DataCr;
            continue;
        }
        case State::SizeFirst:
        case State::Size: {
            const int digit = hexValue(c);
            if (digit >= 0) {
                if (m_chunkSize >= MaxChunkSize / 16)
                    return fail(badChunk, used);
                m_chunkSize = m_chunkSize * 16 + digit;
                m_state = State::Size;
            } else if (m_state == State::SizeFirst) {
                return fail(badChunk, used);
            } else if (c == ';' || c == ' ' || c == '\t') {
                m_state = State::Extension;
            } else if (c == '\r') {
                m_state = State::SizeLf;
            } else if (c == '\n') {
                --used;  // the end of the size line, handled below
                m_state = State::SizeLf;
            } else {
                return fail(badChunk, used);
            }
            break;
        }
        case State::Extension:
            if (++m_lineBytes > MaxChunkLineBytes)
                return fail(badChunk, used);
            if (c == '\n') {
                --used;
                m_state = State::SizeLf;
            }
            break;
        case State::SizeLf:
            if (c != '\n')
                return fail(badChunk, used);
            m_lineBytes = 0;
            m_left = m_chunkSize;
            m_state = m_chunkSize > 0 ? State::Data : State::TrailerStart;
            m_chunkSize = 0;
            break;
        case State::DataCr:
            if (c == '\r')
                m_state = State::DataLf;
            else if (c == '\n')
                m_state = State::SizeFirst;
            else
                return fail(badChunk, used);
            break;
        case State::DataLf:
            if (c != '\n')
                return fail(badChunk, used);
            m_state = State::SizeFirst;
            break;
        case State::TrailerStart:
            if (c == '\n') {
                m_state = State::Done;
            } else if (c == '\r') {
                m_state = State::TrailerLf;
            } else {
                m_state = State::Trailer;
                continue;
            }
            break;
        case State::TrailerLf:
            if (c != '\n')
                return fail(badChunk, used);
            m_state = State::Done;
            break;
        case State::Trailer: {
            const auto *lf = static_cast<const char *>(std::memchr(data + used, '\n', size_t(size - used)));
            const qsizetype take = lf ? lf - (data + used) + 1 : size - used;
            m_lineBytes += take;
            if (m_lineBytes > MaxHeadBytes)
                return fail(QT_TRANSLATE_NOOP("Inspect", "trailers longer than 64 KiB"), used);
            used += take;
            if (lf)
                m_state = State::TrailerStart;
            continue;
        }
        }
        ++used;
    }
    return used;
}

qint64 contentLength(QByteArrayView value)
{
    qint64 result = -1;
    while (true) {
        const qsizetype comma = value.indexOf(',');
        const QByteArrayView digits = (comma < 0 ? value : value.first(comma)).trimmed();
        if (digits.isEmpty() || digits.size() > 18)
            return -1;
        qint64 length = 0;
        for (const char c : digits) {
            if (!isDigit(c))
                return -1;
            length = length * 10 + (c - '0');
        }
        if (result >= 0 && length != result)
            return -1;
        result = length;
        if (comma < 0)
            return result;
        value = value.sliced(comma + 1);
    }
}

bool chunkedLast(QByteArrayView transferEncoding)
{
    const qsizetype comma = transferEncoding.lastIndexOf(QByteArrayView(","));
    const QByteArrayView last = (comma < 0 ? transferEncoding : transferEncoding.sliced(comma + 1)).trimmed();
    return qstrnicmp(last.data(), last.size(), "chunked", 7) == 0;
}
