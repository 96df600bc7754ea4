#include "jsonpath.h"

#include <QCoreApplication>

namespace {

Error pathError(const QString &text, qsizetype position, const QString &what)
{
    return Error{QCoreApplication::translate("Http", "JSON path \"%1\", character %2: %3")
                     .arg(text, QString::number(position + 1), what)};
}

} // namespace

Result<JsonPath> JsonPath::parse(const QString &input)
{
    JsonPath path;
    const QString text = input.trimmed();
    path.m_text = text;
    if (text.isEmpty())
        return Error{QCoreApplication::translate("Http", "the JSON path is empty: write one like $.items[0].id")};
    qsizetype i = 0;
    if (text.startsWith(u'$'))
        i = 1;
    else if (text == u".")
        return path;  // jq's root
    else if (!text.startsWith(u'.') && !text.startsWith(u'['))
        return pathError(text, 0, QCoreApplication::translate("Http", "start it with $, as in $.items[0].id"));

    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'.') {
            ++i;
            if (i < text.size() && text.at(i) == u'[')
                continue;  // jq: .["a key"]
            const qsizetype start = i;
            while (i < text.size() && text.at(i) != u'.' && text.at(i) != u'[')
                ++i;
            const QString key = text.mid(start, i - start);
            if (key.isEmpty())
                return pathError(text, start, QCoreApplication::translate("Http", "a member name is missing after the dot"));
            if (key == u"*")
                return pathError(text, start, QCoreApplication::translate("Http", "wildcards are not supported: name one "
                                                                                  "member or position"));
            path.m_steps.append(Step{key, 0, false});
        } else if (c == u'[') {
            const qsizetype open = i++;
            if (i < text.size() && (text.at(i) == u'"' || text.at(i) == u'\'')) {
                const QChar quote = text.at(i++);
                QString key;
                while (i < text.size() && text.at(i) != quote) {
                    if (text.at(i) == u'\\' && i + 1 < text.size())
                        ++i;
                    key.append(text.at(i++));
                }
                if (i >= text.size())
                    return pathError(text, open, QCoreApplication::translate("Http", "the quoted name is not closed"));
                ++i;
                if (i >= text.size() || text.at(i) != u']')
                    return pathError(text, i, QCoreApplication::translate("Http", "expected ]"));
                ++i;
                path.m_steps.append(Step{key, 0, false});
                continue;
            }
            const qsizetype close = text.indexOf(u']', i);
            if (close < 0)
                return pathError(text, open, QCoreApplication::translate("Http", "the [ is not closed"));
            bool ok = false;
            const int index = text.mid(i, close - i).trimmed().toInt(&ok);
            if (!ok) {
                return pathError(text, i, QCoreApplication::translate("Http", "expected a position like [0] or [-1], or "
                                                                              "a quoted name like [\"a key\"] "
                                                                              "(wildcards, slices and filters are not "
                                                                              "supported)"));
            }
            path.m_steps.append(Step{{}, index, true});
            i = close + 1;
        } else {
            return pathError(text, i, QCoreApplication::translate("Http", "expected . or ["));
        }
    }
    return path;
}

std::optional<int> JsonPath::find(const JsonTree &tree) const
{
    if (tree.size() == 0)
        return std::nullopt;
    int id = JsonTree::root();
    for (const Step &step : m_steps) {
        const JsonTree::Node &node = tree.node(id);
        if (step.isIndex) {
            if (node.kind != JsonTree::Kind::Array)
                return std::nullopt;
            const qsizetype size = node.children.size();
            const qsizetype at = step.index < 0 ? size + step.index : step.index;
            if (at < 0 || at >= size)
                return std::nullopt;
            id = node.children.at(at);
        } else {
            if (node.kind != JsonTree::Kind::Object)
                return std::nullopt;
            // A repeated name: the last one, as most readers keep.
            std::optional<int> found;
            for (const int child : node.children) {
                if (tree.node(child).key == step.key)
                    found = child;
            }
            if (!found)
                return std::nullopt;
            id = *found;
        }
    }
    return id;
}
