#pragma once

#include <QList>
#include <QString>

#include "assertions.h"
#include "environments.h"
#include "httpmessage.h"
#include "result.h"

// A request of a collection: what to send, plus a name to show and report it by and
// the assertions its response must pass (`pasarela run`). A plain HttpRequest converts
// to one without a name or assertions.
struct CollectionRequest : HttpRequest
{
    CollectionRequest() = default;
    CollectionRequest(HttpRequest request) : HttpRequest(std::move(request)) {}  // NOLINT: implicit on purpose

    QString name;                  // may be empty
    QList<Assertion> assertions;

    // The name, or "GET http://..." without one.
    QString displayName() const;

    friend bool operator==(const CollectionRequest &a, const CollectionRequest &b)
    {
        return static_cast<const HttpRequest &>(a) == static_cast<const HttpRequest &>(b) && a.name == b.name
               && a.assertions == b.assertions;
    }
};

// Requests kept together under a name, as the HTTP client shows them (one per
// Ingress when the cluster is exposed), with the environments their {{variables}}
// come from.
struct RequestCollection
{
    QString name;
    QList<CollectionRequest> requests;
    Environments environments{};
};

// The JSON of one collection, as the collections file holds each and a collection
// file holds one:
//   {"name": "api", "environments": {"dev": {"host": "api.local:8080"}},
//    "requests": [{"name": "list items", "method": "GET", "url": "http://{{host}}/api/v1/items",
//                  "headers": [{"name": "Accept", "value": "application/json"}],
//                  "assertions": [{"status": 200}, {"json": "$.count", "exists": true}]}]}
// A hand-written request may give "headers" as an object ({"Accept": "application/json"})
// and a JSON "body" as a value (sent compact, as application/json unless a Content-Type
// says otherwise). Errors name the request and the field.
Result<RequestCollection> collectionFromJson(const QJsonValue &value);
// Secret header values (without a {{variable}}) and secret variable values are left out
// unless keepSecrets.
QJsonObject collectionToJson(const RequestCollection &collection, bool keepSecrets);

// A collection file, kept by the user (in git, beside the code it tests): the collection
// object above with "format": "pasarela-collection" and "version": 1 (both optional
// when written by hand). The name defaults to the file's base name.
Result<RequestCollection> loadCollectionFile(const QString &path);
QByteArray collectionDocument(const RequestCollection &collection, bool keepSecrets);

// The persisted collections (AppDataLocation/request-collections.json by
// default), in the order they were added, written atomically and readable by the
// user only; secret header values are not written. A file that does not parse is
// kept aside and reported, as the history is.
class RequestCollections final
{
public:
    static constexpr int FormatVersion = 1;

    explicit RequestCollections(QString path);
    // AppDataLocation/request-collections.json, beside the HTTP history.
    static QString defaultPath();

    const QString &path() const { return m_path; }
    Result<void> load();
    Result<void> save() const;

    const QList<RequestCollection> &collections() const { return m_collections; }
    // The collection of that name, or null.
    const RequestCollection *find(const QString &name) const;
    // Replaces the collection of that name (exposing the cluster again brings it up
    // to date), or adds it at the end. Returns its index. Does not save.
    int put(const RequestCollection &collection);
    void removeCollection(int index);
    void removeRequest(int collection, int request);
    // What an editor changed, as given (put() would keep old environments, names and
    // assertions where the new ones are empty). Out of range: nothing. Do not save.
    void setEnvironments(int collection, const Environments &environments);
    void setRequest(int collection, int request, const CollectionRequest &value);

private:
    QString m_path;
    QList<RequestCollection> m_collections;
};
