#include "jsondiff.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace {

using Change = DiffLine::Change;
using Kind = JsonTree::Kind;

constexpr qsizetype MaxShown = 200;  // characters of a value shown

QString elided(QString text)
{
    return text.size() > MaxShown ? text.left(MaxShown - 1) + QChar(0x2026) : text;
}

class JsonDiff
{
public:
    JsonDiff(const JsonTree &a, const JsonTree &b, const QStringList &ignored, ResponseDiff &diff)
        : m_a(a), m_b(b), m_diff(diff)
    {
        for (QString field : ignored) {
            field = field.trimmed();
            if (field.startsWith(u'.'))
                field.prepend(u'$');  // jq's form
            if (field.startsWith(u'$')) {
                QString pattern = QRegularExpression::escape(field);
                pattern.replace(QStringLiteral("\\[\\*\\]"), QStringLiteral("\\[\\d+\\]"));
                m_paths.append(QRegularExpression(QRegularExpression::anchoredPattern(pattern)));
            } else if (!field.isEmpty()) {
                m_keys.insert(field);
            }
        }
    }

    void run() { compare(JsonTree::root(), JsonTree::root(), QStringLiteral("$")); }

private:
    // "$.items[2].price"; JsonTree::path() gives jq's ".items[2].price".
    static QString path(const JsonTree &tree, int id)
    {
        const QString jq = tree.path(id);
        if (jq == u".")
            return QStringLiteral("$");
        return u'$' + (jq.startsWith(u".[") ? jq.mid(1) : jq);
    }

    bool ignored(const JsonTree &tree, int id, const QString &path) const
    {
        const JsonTree::Node &node = tree.node(id);
        if (node.parent >= 0 && tree.node(node.parent).kind == Kind::Object && m_keys.contains(node.key))
            return true;
        for (const QRegularExpression &pattern : m_paths) {
            if (pattern.match(path).hasMatch())
                return true;
        }
        return false;
    }

    // As written: strings quoted, so that "59" and 59 read apart; containers on one line.
    static QString shown(const JsonTree &tree, int id)
    {
        const JsonTree::Node &node = tree.node(id);
        const QString text = QString::fromUtf8(tree.source().constData() + node.begin, node.end - node.begin);
        return elided(node.kind == Kind::Object || node.kind == Kind::Array ? text.simplified() : text);
    }

    static bool plainInteger(const QString &number)
    {
        return !number.contains(u'.') && !number.contains(u'e') && !number.contains(u'E');
    }

    bool sameScalar(int a, int b) const
    {
        const Kind kind = m_a.node(a).kind;
        const QString x = m_a.displayValue(a);
        const QString y = m_b.displayValue(b);
        if (kind != Kind::Number || x == y)
            return x == y;
        // 1.0 and 1 are one number; integers stay text, as doubles would round big ones.
        if (plainInteger(x) && plainInteger(y))
            return false;
        bool okX = false;
        bool okY = false;
        const double dx = x.toDouble(&okX);
        const double dy = y.toDouble(&okY);
        return okX && okY && dx == dy;
    }

    void compare(int a, int b, const QString &path)
    {
        const JsonTree::Node &x = m_a.node(a);
        const JsonTree::Node &y = m_b.node(b);
        if (x.kind != y.kind) {
            m_diff.addBodyLine({path, shown(m_a, a), shown(m_b, b), Change::Changed});
        } else if (x.kind == Kind::Object) {
            compareObjects(x, y, path);
        } else if (x.kind == Kind::Array) {
            compareArrays(x, y, path);
        } else {
            const bool same = sameScalar(a, b);
            m_diff.addBodyLine({path, shown(m_a, a), shown(m_b, b), same ? Change::Same : Change::Changed});
        }
    }

    void compareObjects(const JsonTree::Node &x, const JsonTree::Node &y, const QString &path)
    {
        if (x.children.isEmpty() && y.children.isEmpty()) {
            m_diff.addBodyLine({path, QStringLiteral("{}"), QStringLiteral("{}"), Change::Same});
            return;
        }
        QHash<QString, int> others;
        for (const int child : y.children)
            others.insert(m_b.node(child).key, child);  // a repeated key: the last, as most readers take
        QSet<QString> seen;
        for (const int child : x.children) {
            const QString key = m_a.node(child).key;
            const QString childPath = JsonDiff::path(m_a, child);
            seen.insert(key);
            if (ignored(m_a, child, childPath)) {
                ++m_diff.ignoredFields;
                continue;
            }
            const auto other = others.constFind(key);
            if (other == others.cend())
                m_diff.addBodyLine({childPath, shown(m_a, child), {}, Change::Removed});
            else
                compare(child, *other, childPath);
        }
        for (const int child : y.children) {
            if (seen.contains(m_b.node(child).key))
                continue;
            const QString childPath = JsonDiff::path(m_b, child);
            if (ignored(m_b, child, childPath))
                ++m_diff.ignoredFields;
            else
                m_diff.addBodyLine({childPath, {}, shown(m_b, child), Change::Added});
        }
    }

    void compareArrays(const JsonTree::Node &x, const JsonTree::Node &y, const QString &path)
    {
        if (x.children.isEmpty() && y.children.isEmpty()) {
            m_diff.addBodyLine({path, QStringLiteral("[]"), QStringLiteral("[]"), Change::Same});
            return;
        }
        const qsizetype count = qMax(x.children.size(), y.children.size());
        for (qsizetype i = 0; i < count; ++i) {
            const bool inA = i < x.children.size();
            const bool inB = i < y.children.size();
            const int child = inA ? x.children.at(i) : y.children.at(i);
            const QString childPath = JsonDiff::path(inA ? m_a : m_b, child);
            if (ignored(inA ? m_a : m_b, child, childPath)) {
                ++m_diff.ignoredFields;
            } else if (inA && inB) {
                compare(child, y.children.at(i), childPath);
            } else if (inA) {
                m_diff.addBodyLine({childPath, shown(m_a, child), {}, Change::Removed});
            } else {
                m_diff.addBodyLine({childPath, {}, shown(m_b, child), Change::Added});
            }
        }
    }

    const JsonTree &m_a;
    const JsonTree &m_b;
    ResponseDiff &m_diff;
    QSet<QString> m_keys;
    QList<QRegularExpression> m_paths;
};

} // namespace

void compareJson(const JsonTree &before, const JsonTree &after, const QStringList &ignoredFields, ResponseDiff &diff)
{
    JsonDiff(before, after, ignoredFields, diff).run();
}
