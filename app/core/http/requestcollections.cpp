#include "requestcollections.h"

#include <utility>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "atomicfile.h"
#include "keepaside.h"
#include "rules/forwardrule.h"

namespace {

const QString KeyFormat = QStringLiteral("format");
const QString KeyVersion = QStringLiteral("version");
const QString KeyCollections = QStringLiteral("collections");
const QString KeyName = QStringLiteral("name");
const QString KeyRequests = QStringLiteral("requests");
const QString Format = QStringLiteral("pasarela-request-collections");

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
        return Error{QCoreApplication::translate("Http", "\"%1\" must be %2, got %3").arg(KeyRequests, QCoreApplication::translate("Http", "a list"), jsonTypeName(requests))};
    const QJsonArray array = requests.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        Result<HttpRequest> request = array.at(i).isObject()
                                          ? requestFromJson(array.at(i).toObject())
                                          : Result<HttpRequest>(Error{QCoreApplication::translate("Http", "expected an object, got %1").arg(jsonTypeName(array.at(i)))});
        if (!request)
            return Error{QCoreApplication::translate("Http", "request %1: %2").arg(QString::number(i + 1), request.error())};
        collection.requests.append(std::move(request.value()));
    }
    return collection;
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
        return Error{QCoreApplication::translate("Http", "\"%1\" must be %2, got %3").arg(KeyCollections, QCoreApplication::translate("Http", "a list"), jsonTypeName(items))};
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

} // namespace

RequestCollections::RequestCollections(QString path) : m_path(std::move(path)) {}

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
    for (const RequestCollection &collection : m_collections) {
        QJsonArray requests;
        for (const HttpRequest &request : collection.requests)
            requests.append(requestToJson(request, false));
        collections.append(QJsonObject{{KeyName, collection.name}, {KeyRequests, requests}});
    }
    const QJsonObject root{{KeyFormat, Format}, {KeyVersion, FormatVersion}, {KeyCollections, collections}};

    return writeFileAtomically(m_path, QJsonDocument(root).toJson(QJsonDocument::Indented), OwnerOnly,
                               ParentFolder::Create);
}

int RequestCollections::put(const RequestCollection &collection)
{
    for (int i = 0; i < m_collections.size(); ++i) {
        if (m_collections.at(i).name == collection.name) {
            m_collections[i] = collection;
            return i;
        }
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
    QList<HttpRequest> &requests = m_collections[collection].requests;
    if (request >= 0 && request < requests.size())
        requests.removeAt(request);
}
