#pragma once

#include <QList>
#include <QString>

#include "httpmessage.h"
#include "result.h"

// Requests kept together under a name, as the HTTP client shows them: one per
// Ingress when the cluster is exposed.
struct RequestCollection
{
    QString name;
    QList<HttpRequest> requests;
};

// The persisted collections (AppDataLocation/request-collections.json by
// default), in the order they were added, written atomically and readable by the
// user only; secret header values are not written. A file that does not parse is
// kept aside and reported, as the history is.
class RequestCollections final
{
public:
    static constexpr int FormatVersion = 1;

    explicit RequestCollections(QString path);

    const QString &path() const { return m_path; }
    Result<void> load();
    Result<void> save() const;

    const QList<RequestCollection> &collections() const { return m_collections; }
    // Replaces the collection of that name (exposing the cluster again brings it up
    // to date), or adds it at the end. Returns its index. Does not save.
    int put(const RequestCollection &collection);
    void removeCollection(int index);
    void removeRequest(int collection, int request);

private:
    QString m_path;
    QList<RequestCollection> m_collections;
};
