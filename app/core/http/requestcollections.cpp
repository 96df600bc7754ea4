#include "requestcollections.h"

#include <utility>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "atomicfile.h"
#include "httphistory.h"
#include "keepaside.h"
#include "rules/forwardrule.h"

namespace {

const QString KeyFormat = QStringLiteral("format");
const QString KeyVersion = QStringLiteral("version");
const QString KeyCollections = QStringLiteral("collections");
const QString KeyName = QStringLiteral("name");
const QString KeyValue = QStringLiteral("value");
const QString KeyRequests = QStringLiteral("requests");
const QString KeyEnvironments = QStringLiteral("environments");
const QString KeyAssertions = QStringLiteral("assertions");
const QString KeyHeaders = QStringLiteral("headers");
const QString KeyBody = QStringLiteral("body");
const QString KeyContentType = QStringLiteral("contentType");
const QString Format = QStringLiteral("pasarela-request-collections");
const QString FileFormat = QStringLiteral("pasarela-collection");
constexpr int FileFormatVersion = 1;

Error typeError(const QString &key, const QString &expected, const QJsonValue &value)
{
    return Error{QCoreApplication::translate("Http", "\"%1\" must be %2, got %3").arg(key, expected, jsonTypeName(value))};
}

// What people write by hand, in the form requestFromJson reads: headers as an object,
// a JSON body as a value.
QJsonObject handWritten(QJsonObject object)
{
    const QJsonValue headers = object.value(KeyHeaders);
    if (headers.isObject()) {
        QJsonArray list;
        const QJsonObject map = headers.toObject();
        for (auto it = map.begin(); it != map.end(); ++it)
            list.append(QJsonObject{{KeyName, it.key()}, {KeyValue, it.value()}});
        object.insert(KeyHeaders, list);
    }
    const QJsonValue body = object.value(KeyBody);
    if (body.isObject() || body.isArray()) {
        object.insert(KeyBody, QString::fromUtf8(body.isObject() ? QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact)
                                                                 : QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)));
        if (!object.contains(KeyContentType))
            object.insert(KeyContentType, QStringLiteral("application/json"));
    }
    return object;
}

Result<CollectionRequest> collectionRequestFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return Error{QCoreApplication::translate("Http", "expected an object, got %1").arg(jsonTypeName(value))};
    const QJsonObject object = handWritten(value.toObject());
    Result<HttpRequest> request = requestFromJson(object);
    if (!request)
        return Error{request.error()};
    CollectionRequest result(std::move(request.value()));
    const QJsonValue name = object.value(KeyName);
    if (!name.isUndefined() && !name.isString())
        return typeError(KeyName, QCoreApplication::translate("Http", "a string"), name);
    result.name = name.toString();
    const QJsonValue assertions = object.value(KeyAssertions);
    if (!assertions.isUndefined() && !assertions.isArray())
        return typeError(KeyAssertions, QCoreApplication::translate("Http", "a list"), assertions);
    const QJsonArray list = assertions.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        Result<Assertion> assertion = assertionFromJson(list.at(i));
        if (!assertion)
            return Error{QCoreApplication::translate("Http", "assertion %1: %2").arg(QString::number(i + 1), assertion.error())};
        result.assertions.append(assertion.value());
    }
    return result;
}

Result<QList<RequestCollection>> parseCollections(const QByteArray &data)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{QCoreApplication::translate("Http", "not valid JSON (%1 at byte %2)").arg(parseError.errorString(), QString::number(parseError.offset))};
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(KeyFormat).toString() != Format)
        return Error{QCoreApplication::translate("Http", "not a Pasarela request collections file")};
    if (root.value(KeyVersion).toInt() != RequestCollections::FormatVersion)
        return Error{QCoreApplication::translate("Http", "collections version %1 is not one this Pasarela reads").arg(root.value(KeyVersion).toVariant().toString())};
    const QJsonValue items = root.value(KeyCollections);
    if (!items.isArray())
        return typeError(KeyCollections, QCoreApplication::translate("Http", "a list"), items);
    QList<RequestCollection> collections;
    const QJsonArray array = items.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        Result<RequestCollection> collection = collectionFromJson(array.at(i));
        if (!collection)
            return Error{QCoreApplication::translate("Http", "collection %1: %2").arg(QString::number(i + 1), collection.error())};
        collections.append(std::move(collection.value()));
    }
    return collections;
}

// Requests are the same one when they go to the same place: method, URL and Host.
bool sameTarget(const HttpRequest &a, const HttpRequest &b)
{
    return a.method == b.method && a.url == b.url && a.header(QStringLiteral("Host")) == b.header(QStringLiteral("Host"));
}

} // namespace

QString CollectionRequest::displayName() const
{
    if (!name.trimmed().isEmpty())
        return name;
    return method + u' ' + url;
}

Result<RequestCollection> collectionFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return Error{QCoreApplication::translate("Http", "expected an object, got %1").arg(jsonTypeName(value))};
    const QJsonObject object = value.toObject();
    RequestCollection collection;
    collection.name = object.value(KeyName).toString();
    if (collection.name.trimmed().isEmpty())
        return Error{QCoreApplication::translate("Http", "\"name\" must be a text that is not empty")};
    const QJsonValue requests = object.value(KeyRequests);
    if (!requests.isArray())
        return typeError(KeyRequests, QCoreApplication::translate("Http", "a list"), requests);
    const QJsonArray array = requests.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        Result<CollectionRequest> request = collectionRequestFromJson(array.at(i));
        if (!request) {
            const QString name = array.at(i).toObject().value(KeyName).toString();
            return Error{name.isEmpty() ? QCoreApplication::translate("Http", "request %1: %2").arg(QString::number(i + 1), request.error())
                                        : QCoreApplication::translate("Http", "request %1 (\"%2\"): %3")
                                              .arg(QString::number(i + 1), name, request.error())};
        }
        collection.requests.append(std::move(request.value()));
    }
    Result<Environments> environments = environmentsFromJson(object.value(KeyEnvironments));
    if (!environments)
        return Error{environments.error()};
    collection.environments = std::move(environments.value());
    return collection;
}

QJsonObject collectionToJson(const RequestCollection &collection, bool keepSecrets)
{
    QJsonArray requests;
    for (const CollectionRequest &request : collection.requests) {
        QJsonObject object = requestToJson(request, keepSecrets);
        if (!request.name.isEmpty())
            object.insert(KeyName, request.name);
        if (!request.assertions.isEmpty()) {
            QJsonArray assertions;
            for (const Assertion &assertion : request.assertions)
                assertions.append(assertionToJson(assertion));
            object.insert(KeyAssertions, assertions);
        }
        requests.append(object);
    }
    QJsonObject object{{KeyName, collection.name}, {KeyRequests, requests}};
    if (!collection.environments.isEmpty())
        object.insert(KeyEnvironments, environmentsToJson(collection.environments, keepSecrets));
    return object;
}

Result<RequestCollection> loadCollectionFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QCoreApplication::translate("Http", "%1: cannot read the collection: %2").arg(path, file.errorString())};
    const auto broken = [&path](const QString &why) {
        return Error{QCoreApplication::translate("Http", "%1: %2").arg(path, why)};
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return broken(QCoreApplication::translate("Http", "not valid JSON (%1 at byte %2)")
                          .arg(parseError.errorString(), QString::number(parseError.offset)));
    QJsonObject root = document.object();
    const QString format = root.value(KeyFormat).toString();
    if (format == Format) {
        Result<QList<RequestCollection>> collections = parseCollections(document.toJson());
        if (!collections)
            return broken(collections.error());
        if (collections.value().size() != 1) {
            QStringList names;
            for (const RequestCollection &c : collections.value())
                names.append(c.name);
            return broken(QCoreApplication::translate("Http", "the window's collections file holds %1 collections (%2): "
                                                              "name one instead of the file")
                              .arg(QString::number(names.size()), names.join(QStringLiteral(", "))));
        }
        return collections.value().constFirst();
    }
    if (root.contains(QStringLiteral("info")) && root.contains(QStringLiteral("item")))
        return broken(QCoreApplication::translate("Http", "this looks like a Postman collection, which Pasarela does not "
                                                          "read: write its requests as a Pasarela collection"));
    if (!document.isObject() || (!format.isEmpty() && format != FileFormat) || !root.contains(KeyRequests))
        return broken(QCoreApplication::translate("Http", "not a Pasarela collection: expected {\"requests\": [...]}"));
    const QJsonValue version = root.value(KeyVersion);
    if (!version.isUndefined() && version.toInt() != FileFormatVersion)
        return broken(QCoreApplication::translate("Http", "collection version %1 is not one this Pasarela reads")
                          .arg(version.toVariant().toString()));
    if (!root.contains(KeyName))
        root.insert(KeyName, QFileInfo(path).baseName());
    Result<RequestCollection> collection = collectionFromJson(root);
    if (!collection)
        return broken(collection.error());
    return collection;
}

QByteArray collectionDocument(const RequestCollection &collection, bool keepSecrets)
{
    QJsonObject root{{KeyFormat, FileFormat}, {KeyVersion, FileFormatVersion}};
    const QJsonObject object = collectionToJson(collection, keepSecrets);
    for (auto it = object.begin(); it != object.end(); ++it)
        root.insert(it.key(), it.value());
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

RequestCollections::RequestCollections(QString path) : m_path(std::move(path)) {}

QString RequestCollections::defaultPath()
{
    return QFileInfo(HttpHistory::defaultPath()).absoluteDir().filePath(QStringLiteral("request-collections.json"));
}

Result<void> RequestCollections::load()
{
    m_collections.clear();
    QFile file(m_path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return Error{QCoreApplication::translate("Http", "%1: cannot read the request collections: %2").arg(m_path, file.errorString())};
    const QByteArray data = file.readAll();
    file.close();

    Result<QList<RequestCollection>> parsed = parseCollections(data);
    if (parsed) {
        m_collections = std::move(parsed.value());
        return {};
    }
    const Result<QString> aside = keepAside(m_path);
    if (!aside) {
        return Error{QCoreApplication::translate("Http", "%1: the request collections are broken (%2) and could not be moved to %3: move the file "
                        "away yourself, or the next save replaces it")
                         .arg(m_path, parsed.error(), aside.error())};
    }
    return Error{QCoreApplication::translate("Http", "%1: the request collections are broken (%2); the file was kept as %3 and the collections "
                    "start empty")
                     .arg(m_path, parsed.error(), aside.value())};
}

Result<void> RequestCollections::save() const
{
    QJsonArray collections;
    for (const RequestCollection &collection : m_collections)
        collections.append(collectionToJson(collection, false));
    const QJsonObject root{{KeyFormat, Format}, {KeyVersion, FormatVersion}, {KeyCollections, collections}};

    return writeFileAtomically(m_path, QJsonDocument(root).toJson(QJsonDocument::Indented), OwnerOnly,
                               ParentFolder::Create);
}

const RequestCollection *RequestCollections::find(const QString &name) const
{
    for (const RequestCollection &collection : m_collections) {
        if (collection.name == name)
            return &collection;
    }
    return nullptr;
}

int RequestCollections::put(const RequestCollection &collection)
{
    for (int i = 0; i < m_collections.size(); ++i) {
        RequestCollection &old = m_collections[i];
        if (old.name != collection.name)
            continue;
        // Exposing the cluster again brings the requests up to date; what the user
        // added to them (names, assertions, environments) stays.
        RequestCollection updated = collection;
        if (updated.environments.isEmpty())
            updated.environments = old.environments;
        for (CollectionRequest &request : updated.requests) {
            for (const CollectionRequest &before : std::as_const(old.requests)) {
                if (request.name.isEmpty() && request.assertions.isEmpty() && sameTarget(request, before)) {
                    request.name = before.name;
                    request.assertions = before.assertions;
                    break;
                }
            }
        }
        old = updated;
        return i;
    }
    m_collections.append(collection);
    return int(m_collections.size() - 1);
}

void RequestCollections::removeCollection(int index)
{
    if (index >= 0 && index < m_collections.size())
        m_collections.removeAt(index);
}

void RequestCollections::removeRequest(int collection, int request)
{
    if (collection < 0 || collection >= m_collections.size())
        return;
    QList<CollectionRequest> &requests = m_collections[collection].requests;
    if (request >= 0 && request < requests.size())
        requests.removeAt(request);
}

void RequestCollections::setEnvironments(int collection, const Environments &environments)
{
    if (collection >= 0 && collection < m_collections.size())
        m_collections[collection].environments = environments;
}

void RequestCollections::setRequest(int collection, int request, const CollectionRequest &value)
{
    if (collection < 0 || collection >= m_collections.size())
        return;
    QList<CollectionRequest> &requests = m_collections[collection].requests;
    if (request >= 0 && request < requests.size())
        requests[request] = value;
}
