#include "responsediff.h"

#include <vector>

#include <QCoreApplication>
#include <QHash>

#include "contentcoding.h"
#include "jsondiff.h"
#include "jsontree.h"

namespace {

using Change = DiffLine::Change;

constexpr qint64 MaxPairingCells = 1000000;  // lines before x lines after, paired by longest common subsequence

// lupdate sees Diff::tr("...").
struct Diff {
    Q_DECLARE_TR_FUNCTIONS(Diff)
};

// --- headers

struct Fields
{
    QStringList order;              // lowercase names, first appearance
    QHash<QString, QString> names;  // as first written
    QHash<QString, QString> values; // repeated fields joined
};

Fields fieldsOf(const HttpHeaders &headers)
{
    Fields fields;
    for (const HttpHeader &header : headers) {
        const QString lower = header.name.toLower();
        auto value = fields.values.find(lower);
        if (value == fields.values.end()) {
            fields.order.append(lower);
            fields.names.insert(lower, header.name);
            fields.values.insert(lower, header.value);
        } else {
            *value += QStringLiteral(", ") + header.value;
        }
    }
    return fields;
}

void compareHeaders(const HttpHeaders &before, const HttpHeaders &after, bool ignoreVolatile, ResponseDiff &diff)
{
    const QStringList skipped = ignoreVolatile ? volatileHeaders() : QStringList();
    const Fields a = fieldsOf(before);
    const Fields b = fieldsOf(after);
    for (const QString &name : a.order) {
        if (skipped.contains(name)) {
            ++diff.ignoredHeaders;
            continue;
        }
        const QString value = a.values.value(name);
        const auto other = b.values.constFind(name);
        if (other == b.values.cend())
            diff.headers.append({a.names.value(name), value, {}, Change::Removed});
        else
            diff.headers.append({a.names.value(name), value, *other, value == *other ? Change::Same : Change::Changed});
    }
    for (const QString &name : b.order) {
        if (a.values.contains(name))
            continue;
        if (skipped.contains(name))
            ++diff.ignoredHeaders;
        else
            diff.headers.append({b.names.value(name), {}, b.values.value(name), Change::Added});
    }
}

// --- text

QStringList linesOf(const QByteArray &text)
{
    if (text.isEmpty())
        return {};
    QStringList lines = QString::fromUtf8(text).split(u'\n');
    if (lines.constLast().isEmpty())
        lines.removeLast();  // the break that ends the last line
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    return lines;
}

QString lineName(qsizetype index)
{
    return Diff::tr("line %1").arg(index + 1);
}

// Lines of a and b in order, each kept, removed or added: the longest common subsequence
// of the part between the common start and end, when it is small enough to pair up.
void compareLines(const QByteArray &before, const QByteArray &after, ResponseDiff &diff)
{
    const QStringList a = linesOf(before);
    const QStringList b = linesOf(after);
    qsizetype start = 0;
    while (start < a.size() && start < b.size() && a.at(start) == b.at(start))
        ++start;
    qsizetype end = 0;
    while (end < a.size() - start && end < b.size() - start && a.at(a.size() - 1 - end) == b.at(b.size() - 1 - end))
        ++end;
    const qsizetype n = a.size() - start - end;
    const qsizetype m = b.size() - start - end;

    struct Step { Change change; qsizetype i; qsizetype j; };  // indexes into a and b
    std::vector<Step> steps;
    for (qsizetype k = 0; k < start; ++k)
        steps.push_back({Change::Same, k, k});
    if (qint64(n) * qint64(m) <= MaxPairingCells) {
        // lengths[i][j]: common lines of a[start+i..] and b[start+j..]; at most min(n, m) <= 1000.
        std::vector<quint16> lengths(size_t((n + 1) * (m + 1)), 0);
        const auto at = [&](qsizetype i, qsizetype j) -> quint16 & { return lengths[size_t(i * (m + 1) + j)]; };
        for (qsizetype i = n - 1; i >= 0; --i) {
            for (qsizetype j = m - 1; j >= 0; --j)
                at(i, j) = a.at(start + i) == b.at(start + j) ? quint16(at(i + 1, j + 1) + 1) : qMax(at(i + 1, j), at(i, j + 1));
        }
        qsizetype i = 0;
        qsizetype j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.at(start + i) == b.at(start + j)) {
                steps.push_back({Change::Same, start + i++, start + j++});
            } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
                steps.push_back({Change::Removed, start + i++, -1});
            } else {
                steps.push_back({Change::Added, -1, start + j++});
            }
        }
    } else {
        diff.bodyNote = Diff::tr("Too many lines differ to pair them up: the changed part is listed as removed, then added.");
        for (qsizetype i = 0; i < n; ++i)
            steps.push_back({Change::Removed, start + i, -1});
        for (qsizetype j = 0; j < m; ++j)
            steps.push_back({Change::Added, -1, start + j});
    }
    for (qsizetype k = 0; k < end; ++k)
        steps.push_back({Change::Same, a.size() - end + k, b.size() - end + k});

    // A run of removed lines followed by added ones reads as lines changed, pair by pair.
    for (size_t k = 0; k < steps.size();) {
        const Step &step = steps[k];
        if (step.change == Change::Same) {
            if (!diff.addBodyLine({lineName(step.i), a.at(step.i), b.at(step.j), Change::Same}))
                return;
            ++k;
            continue;
        }
        size_t removedEnd = k;
        while (removedEnd < steps.size() && steps[removedEnd].change == Change::Removed)
            ++removedEnd;
        size_t addedEnd = removedEnd;
        while (addedEnd < steps.size() && steps[addedEnd].change == Change::Added)
            ++addedEnd;
        const size_t pairs = qMin(removedEnd - k, addedEnd - removedEnd);
        for (size_t p = 0; p < pairs; ++p) {
            const Step &gone = steps[k + p];
            const Step &come = steps[removedEnd + p];
            if (!diff.addBodyLine({lineName(gone.i), a.at(gone.i), b.at(come.j), Change::Changed}))
                return;
        }
        for (size_t p = k + pairs; p < removedEnd; ++p) {
            if (!diff.addBodyLine({lineName(steps[p].i), a.at(steps[p].i), {}, Change::Removed}))
                return;
        }
        for (size_t p = removedEnd + pairs; p < addedEnd; ++p) {
            if (!diff.addBodyLine({lineName(steps[p].j), {}, b.at(steps[p].j), Change::Added}))
                return;
        }
        k = addedEnd;
    }
}

QByteArray firstLines(const QByteArray &text, qsizetype count)
{
    qsizetype end = 0;
    for (qsizetype line = 0; line < count; ++line) {
        const qsizetype lineBreak = text.indexOf('\n', end);
        if (lineBreak < 0)
            return text;
        end = lineBreak + 1;
    }
    return text.left(end);
}

bool isText(const QByteArray &body)
{
    return !body.contains('\0') && QByteArrayView(body).isValidUtf8();
}

void compareBytes(const QByteArray &before, const QByteArray &after, ResponseDiff &diff)
{
    diff.bodyKind = ResponseDiff::BodyKind::Binary;
    const auto size = [](qsizetype bytes) {
        return bytes == 1 ? Diff::tr("1 byte") : Diff::tr("%n bytes", nullptr, int(bytes));
    };
    const QString a = size(before.size());
    const QString b = size(after.size());
    diff.addBodyLine({Diff::tr("body"), a, b, before == after ? Change::Same : Change::Changed});
}

Result<QByteArray> decodedBody(const ComparedAnswer &answer)
{
    if (answer.bodyDecoded)
        return answer.response.body;
    return ContentCoding::decode(answer.response.body, answer.response.header(QStringLiteral("Content-Encoding")).toLatin1(),
                                 answer.bodyCut);
}

void compareBodies(const ComparedAnswer &first, const ComparedAnswer &second, const DiffOptions &options,
                   ResponseDiff &diff)
{
    const Result<QByteArray> decodedA = decodedBody(first);
    const Result<QByteArray> decodedB = decodedBody(second);
    if (!decodedA || !decodedB) {
        diff.bodyNote = (!decodedA ? Diff::tr("The captured body cannot be decoded: %1. The bodies are compared as bytes.")
                                   : Diff::tr("The replayed body cannot be decoded: %1. The bodies are compared as bytes."))
                            .arg(!decodedA ? decodedA.error() : decodedB.error());
        compareBytes(first.response.body, second.response.body, diff);
        return;
    }
    QByteArray a = decodedA.value();
    QByteArray b = decodedB.value();
    const bool cut = first.bodyCut || second.bodyCut;
    if (cut) {
        // Its whole lines against as many of the other's; bytes when it has no line break.
        QByteArray &kept = first.bodyCut ? a : b;
        QByteArray &other = first.bodyCut ? b : a;
        const qsizetype lastBreak = kept.lastIndexOf('\n');
        if (lastBreak >= 0) {
            kept.truncate(lastBreak + 1);
            other = firstLines(other, kept.count('\n'));
        } else {
            other.truncate(kept.size());
        }
        const qsizetype captured = (first.bodyCut ? first : second).response.body.size();
        diff.bodyNote = Diff::tr("Only the first %n bytes of the captured body were kept: the bodies are compared "
                                 "up to there, line by line.", nullptr, int(captured));
    } else {
        const Result<JsonTree> treeA = JsonTree::parse(a);
        const Result<JsonTree> treeB = treeA ? JsonTree::parse(b) : Result<JsonTree>(Error{});
        if (treeA && treeB) {
            diff.bodyKind = ResponseDiff::BodyKind::Json;
            compareJson(treeA.value(), treeB.value(), options.ignoredFields, diff);
            return;
        }
    }
    if (isText(a) && isText(b)) {
        diff.bodyKind = ResponseDiff::BodyKind::Text;
        compareLines(a, b, diff);
        return;
    }
    compareBytes(a, b, diff);
}

QString statusText(const HttpResponse &response)
{
    return QString(QString::number(response.status) + u' ' + response.reason).trimmed();
}

} // namespace

bool ResponseDiff::addBodyLine(DiffLine line)
{
    if (body.size() >= MaxBodyLines) {
        bodyNote = Diff::tr("Only the first %n lines are listed.", nullptr, int(MaxBodyLines));
        return false;
    }
    body.append(std::move(line));
    return true;
}

int ResponseDiff::changes() const
{
    int count = status.change != DiffLine::Change::Same;
    for (const QList<DiffLine> *lines : {&headers, &body}) {
        for (const DiffLine &line : *lines)
            count += line.change != DiffLine::Change::Same;
    }
    return count;
}

QStringList volatileHeaders()
{
    return {QStringLiteral("date"), QStringLiteral("age"), QStringLiteral("expires"),
            QStringLiteral("content-length"), QStringLiteral("transfer-encoding"), QStringLiteral("connection"),
            QStringLiteral("keep-alive"), QStringLiteral("x-request-id")};
}

ResponseDiff compareResponses(const ComparedAnswer &before, const ComparedAnswer &after, const DiffOptions &options)
{
    ResponseDiff diff;
    diff.status = {Diff::tr("Status"), statusText(before.response), statusText(after.response),
                   before.response.status == after.response.status ? Change::Same : Change::Changed};
    compareHeaders(before.response.headers, after.response.headers, options.ignoreVolatileHeaders, diff);
    compareBodies(before, after, options, diff);
    return diff;
}
