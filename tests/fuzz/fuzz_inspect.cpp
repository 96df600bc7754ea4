// The stream inspector of relayed connections (StreamInspector): whatever the client and
// the server send, in whatever chunks, it keeps its invariants and stays bounded.
//
// Input: one byte that chooses the split, then the client's bytes, optionally followed by
// Separator and the server's bytes.
#include <cstddef>
#include <cstdint>

#include <QStringList>

#include "fuzzcheck.h"
#include "inspect/streaminspector.h"

namespace {

const QByteArray Separator = QByteArrayLiteral("\n--server--\n");
// Small, so that bodies are cut at it as well as kept whole.
constexpr qsizetype CaptureLimit = 100;
constexpr qsizetype MaxBuffered = 2 * 64 * 1024 + 16 * 1024 + 4 + 2 * CaptureLimit;

struct Split
{
    int maxChunk = 0;    // 0: each side at once
    bool serverFirst = false;
    quint32 state = 1;   // a small LCG: reproducible from the input alone

    qsizetype next(qsizetype left)
    {
        if (maxChunk == 0)
            return left;
        state = state * 1103515245u + 12345u;
        return qMin<qsizetype>(left, 1 + qsizetype((state >> 16) % quint32(maxChunk)));
    }
};

QString describe(const InspectedRequest &r)
{
    return QStringList{QString::number(r.index), r.method, r.host, r.target, r.version, QString::number(r.status),
                       QString::number(r.requestBodySize), QString::number(r.responseBodySize),
                       QString::number(r.complete), QString::fromLatin1(r.requestBody.toHex()),
                       QString::fromLatin1(r.responseBody.toHex()), QString::number(r.responseHead.size())}
        .join(u' ');
}

// Takes the new records and checks them; `next` is the index the next record must have.
void collect(StreamInspector &inspector, int &next, QStringList &records)
{
    for (const InspectedRequest &r : inspector.takeRequests()) {
        FUZZ_CHECK(r.index == next, describe(r));
        ++next;
        FUZZ_CHECK(r.requestBodySize >= 0 && r.responseBodySize >= 0, describe(r));
        FUZZ_CHECK(r.firstByteMs >= -1 && r.totalMs >= -1, describe(r));
        FUZZ_CHECK(!r.complete || r.totalMs >= 0, describe(r));
        FUZZ_CHECK(r.status == 0 || (r.status >= 100 && r.status <= 999), describe(r));
        // Captured bodies are the first bytes, up to the limit; the head is bounded as headers are.
        FUZZ_CHECK(r.captured, describe(r));
        FUZZ_CHECK(r.requestBody.size() <= qMin<qint64>(CaptureLimit, r.requestBodySize), describe(r));
        FUZZ_CHECK(r.responseBody.size() <= qMin<qint64>(CaptureLimit, r.responseBodySize), describe(r));
        FUZZ_CHECK(r.responseHead.size() <= 64 * 1024, describe(r));
        records << describe(r);
    }
}

void checkState(const StreamInspector &inspector, bool wasDone, StreamInspector::Kind wasKind)
{
    FUZZ_CHECK(inspector.bufferedBytes() >= 0 && inspector.bufferedBytes() <= MaxBuffered,
               QString::number(inspector.bufferedBytes()));
    if (wasDone)
        FUZZ_CHECK(inspector.done() && inspector.kind() == wasKind, QStringLiteral("done() is not sticky"));
    if (wasKind == StreamInspector::Kind::Tls || wasKind == StreamInspector::Kind::Other)
        FUZZ_CHECK(inspector.kind() == wasKind, QStringLiteral("the kind changed after a verdict"));
    FUZZ_CHECK((inspector.kind() == StreamInspector::Kind::Other) == !inspector.otherReason().isEmpty(), inspector.otherReason());
    FUZZ_CHECK((inspector.kind() == StreamInspector::Kind::Tls) == (inspector.tls() != nullptr), QString());
}

// Feeds both sides in alternating chunks; returns the records, the kind and the reason.
QStringList run(const QByteArray &client, const QByteArray &server, Split split)
{
    StreamInspector inspector;
    inspector.setCaptureLimit(CaptureLimit);
    int next = 0;
    QStringList records;
    qsizetype atClient = 0;
    qsizetype atServer = 0;
    qint64 now = 0;
    bool serverTurn = split.serverFirst;
    while (atClient < client.size() || atServer < server.size()) {
        if ((serverTurn && atServer >= server.size()) || (!serverTurn && atClient >= client.size()))
            serverTurn = !serverTurn;
        const bool wasDone = inspector.done();
        const StreamInspector::Kind wasKind = inspector.kind();
        const int before = next;
        if (serverTurn) {
            const qsizetype size = split.next(server.size() - atServer);
            inspector.serverData(server.constData() + atServer, size, ++now);
            atServer += size;
        } else {
            const qsizetype size = split.next(client.size() - atClient);
            inspector.clientData(client.constData() + atClient, size, ++now);
            atClient += size;
        }
        checkState(inspector, wasDone, wasKind);
        collect(inspector, next, records);
        FUZZ_CHECK(!wasDone || next == before, QStringLiteral("records after done()"));
        serverTurn = !serverTurn;
    }
    const bool wasDone = inspector.done();
    const StreamInspector::Kind wasKind = inspector.kind();
    inspector.finish(++now, true);
    FUZZ_CHECK(inspector.done(), QStringLiteral("not done after finish()"));
    checkState(inspector, wasDone, wasKind);
    collect(inspector, next, records);
    FUZZ_CHECK(next >= 0, QString());
    records << QString::number(int(inspector.kind())) << inspector.otherReason();
    if (const InspectedTls *tls = inspector.tls())
        records << tls->serverName << tls->alpn;
    return records;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzzQuietQt();
    if (size == 0)
        return 0;
    Split split;
    split.maxChunk = data[0] & 0x3f;
    split.serverFirst = data[0] & 0x40;
    split.state = data[0];
    const QByteArray rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const qsizetype separator = rest.indexOf(Separator);
    const QByteArray client = separator < 0 ? rest : rest.left(separator);
    const QByteArray server = separator < 0 ? QByteArray() : rest.mid(separator + Separator.size());

    run(client, server, split);
    // The client's side alone: every split gives what feeding it at once gives.
    const QStringList whole = run(client, {}, Split());
    const QStringList chunked = run(client, {}, split);
    FUZZ_CHECK(whole == chunked, whole.join(u'\n') % u"\n----\n" % chunked.join(u'\n'));
    return 0;
}
