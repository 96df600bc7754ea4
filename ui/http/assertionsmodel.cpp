#include "assertionsmodel.h"

#include <algorithm>

#include <QApplication>
#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStyle>

namespace {

using Subject = Assertion::Subject;


const Subject Kinds[] = {Subject::Status, Subject::Header, Subject::Json, Subject::Time};

QString compactJson(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

Assertion newRowOf(Subject subject)
{
    Assertion row;
    row.subject = subject;
    row.check = AssertionsModel::checksFor(subject).constFirst();
    if (subject == Subject::Status)
        row.expected = 200;
    else if (subject == Subject::Time)
        row.expected = 500;
    else
        row.expected = QJsonValue(QJsonValue::Undefined);
    return row;
}

QIcon problemIcon()
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return {};
    return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
}

} // namespace

AssertionsModel::AssertionsModel(QObject *parent) : QAbstractTableModel(parent) {}

void AssertionsModel::setAssertions(const QList<Assertion> &assertions)
{
    beginResetModel();
    m_rows = assertions;
    endResetModel();
}

QList<Assertion> AssertionsModel::validAssertions() const
{
    QList<Assertion> valid;
    for (const Assertion &row : m_rows) {
        if (validateAssertion(row))
            valid.append(row);
    }
    return valid;
}

QString AssertionsModel::problem(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const Result<void> valid = validateAssertion(m_rows.at(row));
    return valid ? QString() : valid.error();
}

int AssertionsModel::addAssertion()
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(newRowOf(Subject::Status));
    endInsertRows();
    emit edited();
    return row;
}

void AssertionsModel::removeAssertions(QList<int> rows)
{
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    bool removed = false;
    for (int row : std::as_const(rows)) {
        if (row < 0 || row >= m_rows.size())
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        removed = true;
    }
    if (removed)
        emit edited();
}

QString AssertionsModel::kindText(Assertion::Subject subject)
{
    switch (subject) {
    case Subject::Status:
        return tr("Status");
    case Subject::Header:
        return tr("Header");
    case Subject::Json:
        return tr("JSON path");
    case Subject::Time:
        return tr("Time");
    }
    return {};
}

QString AssertionsModel::checkText(Assertion::Check check)
{
    switch (check) {
    case Assertion::Check::Equals:
        return tr("equals");
    case Assertion::Check::InClass:
        return tr("in class");
    case Assertion::Check::Exists:
        return tr("exists");
    case Assertion::Check::Absent:
        return tr("is absent");
    case Assertion::Check::Matches:
        return tr("matches");
    case Assertion::Check::Below:
        return tr("under (ms)");
    }
    return {};
}

QList<Assertion::Check> AssertionsModel::checksFor(Assertion::Subject subject)
{
    switch (subject) {
    case Subject::Status:
        return {Assertion::Check::Equals, Assertion::Check::InClass};
    case Subject::Time:
        return {Assertion::Check::Below};
    case Subject::Header:
    case Subject::Json:
        break;
    }
    return {Assertion::Check::Exists, Assertion::Check::Equals, Assertion::Check::Matches, Assertion::Check::Absent};
}

QString AssertionsModel::expectedText(const Assertion &assertion)
{
    const QJsonValue &value = assertion.expected;
    if (assertion.check == Assertion::Check::Exists || assertion.check == Assertion::Check::Absent || value.isUndefined())
        return {};
    if (value.isString()) {
        const QString text = value.toString();
        // A JSON text that would read back as something else ("7", "true") keeps its quotes.
        if (assertion.subject == Subject::Json && assertion.check == Assertion::Check::Equals
            && expectedValue(assertion.subject, assertion.check, text) != value)
            return compactJson(value);
        return text;
    }
    if (value.isDouble() && assertion.subject != Subject::Json)
        return QString::number(value.toDouble());
    return compactJson(value);
}

QJsonValue AssertionsModel::expectedValue(Assertion::Subject subject, Assertion::Check check, const QString &text)
{
    if (check == Assertion::Check::Exists || check == Assertion::Check::Absent || text.trimmed().isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    const QString trimmed = text.trimmed();
    bool number = false;
    switch (subject) {
    case Subject::Status:
        if (check == Assertion::Check::InClass) {
            // A code where a class is asked for: its class.
            if (QRegularExpression(QStringLiteral("^[1-5]\\d\\d$")).match(trimmed).hasMatch())
                return QString(trimmed.at(0) + QStringLiteral("xx"));
            return trimmed.toLower();
        }
        if (const int status = trimmed.toInt(&number); number)
            return status;
        return trimmed;
    case Subject::Time:
        if (const double ms = trimmed.toDouble(&number); number)
            return ms;
        return trimmed;
    case Subject::Header:
        return text;
    case Subject::Json:
        break;
    }
    if (check != Assertion::Check::Equals)
        return text;
    QJsonParseError error{};
    const QJsonDocument parsed = QJsonDocument::fromJson(QByteArray("[") + trimmed.toUtf8() + ']', &error);
    if (error.error == QJsonParseError::NoError && parsed.array().size() == 1)
        return parsed.array().at(0);
    return text;
}

int AssertionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AssertionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool AssertionsModel::usesTarget(int row) const
{
    const Subject subject = m_rows.at(row).subject;
    return subject == Subject::Header || subject == Subject::Json;
}

bool AssertionsModel::usesExpected(int row) const
{
    const Assertion::Check check = m_rows.at(row).check;
    return check != Assertion::Check::Exists && check != Assertion::Check::Absent;
}

QVariant AssertionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Assertion &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (column) {
        case Kind:
            return kindText(row.subject);
        case Target:
            return usesTarget(index.row()) ? row.target : (role == Qt::DisplayRole ? QStringLiteral("—") : QString());
        case Check:
            return checkText(row.check);
        case Expected:
            return usesExpected(index.row()) ? expectedText(row) : (role == Qt::DisplayRole ? QStringLiteral("—") : QString());
        }
        return {};
    case ChoicesRole: {
        QStringList choices;
        if (column == Kind) {
            for (Subject subject : Kinds)
                choices.append(kindText(subject));
        } else if (column == Check) {
            for (Assertion::Check check : checksFor(row.subject))
                choices.append(checkText(check));
        }
        return choices;
    }
    case Qt::ToolTipRole: {
        const QString problem = this->problem(index.row());
        return problem.isEmpty() ? tr("Checks that %1").arg(describe(row))
                                 : tr("%1 (not checked or saved until fixed)").arg(problem);
    }
    case Qt::ForegroundRole:
        if (!problem(index.row()).isEmpty())
            return QColor(0xc6, 0x28, 0x28);
        if ((column == Target && !usesTarget(index.row())) || (column == Expected && !usesExpected(index.row())))
            return QColor(0x75, 0x75, 0x75);
        return {};
    case Qt::DecorationRole:
        if (column == Kind && !problem(index.row()).isEmpty())
            return problemIcon();
        return {};
    default:
        return {};
    }
}

bool AssertionsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_rows.size())
        return false;
    Assertion &row = m_rows[index.row()];
    const Assertion before = row;
    const QString text = value.toString();
    switch (index.column()) {
    case Kind:
        for (Subject subject : Kinds) {
            if (kindText(subject) == text && subject != row.subject) {
                const QString target = usesTarget(index.row()) ? row.target : QString();
                row = newRowOf(subject);
                if (subject == Subject::Header || subject == Subject::Json)
                    row.target = target;
            }
        }
        break;
    case Target:
        if (!usesTarget(index.row()))
            return false;
        row.target = text.trimmed();
        break;
    case Check:
        for (Assertion::Check check : checksFor(row.subject)) {
            if (checkText(check) == text && check != row.check) {
                row.expected = expectedValue(row.subject, check, expectedText(row));
                row.check = check;
            }
        }
        break;
    case Expected:
        if (!usesExpected(index.row()))
            return false;
        row.expected = expectedValue(row.subject, row.check, text);
        break;
    default:
        return false;
    }
    if (row == before)
        return true;
    // A changed kind or check changes what the other cells show.
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    emit edited();
    return true;
}

QVariant AssertionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Kind:
            return tr("Kind");
        case Target:
            return tr("Target");
        case Check:
            return tr("Check");
        case Expected:
            return tr("Expected");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case Kind:
            return tr("What to check: the status, a header, a value in the JSON body, or the response time");
        case Target:
            return tr("The header's name, or the JSON path of the value, such as $.items[0].id");
        case Check:
            return tr("How to compare: equals, in class (2xx), exists, is absent, matches a regular expression, "
                      "under a number of milliseconds");
        case Expected:
            return tr("A status (200) or class (2xx), a header's text, a JSON value (7, \"dev\", true), "
                      "a regular expression, or milliseconds");
        }
    }
    return {};
}

Qt::ItemFlags AssertionsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const bool editable = (index.column() != Target || usesTarget(index.row()))
                          && (index.column() != Expected || usesExpected(index.row()));
    if (editable)
        flags |= Qt::ItemIsEditable;
    return flags;
}
