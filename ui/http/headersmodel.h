#pragma once

#include <QAbstractTableModel>

#include "http/httpmessage.h"

// Header lines as a table: a check box that enables the line, the name and the
// value. Editable for a request, read only for a response. A header that came
// back from history without its secret value shows a placeholder that says so.
class HeadersModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadersModel)

public:
    enum Column { Enabled, Name, Value, ColumnCount };

    explicit HeadersModel(bool editable, QObject *parent = nullptr);

    bool isEditable() const { return m_editable; }
    void setHeaders(const HttpHeaders &headers);
    const HttpHeaders &headers() const { return m_headers; }
    // Appends a new enabled line; returns its row.
    int addHeader(const QString &name = {}, const QString &value = {});
    void removeHeaders(QList<int> rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString redactedText();

private:
    bool m_editable;
    HttpHeaders m_headers;
};
