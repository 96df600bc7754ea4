#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace {

// Marks the translators made here, so that the next install() replaces them.
const QString TranslatorName = QStringLiteral("pasarela-translator");

const QTranslator *installCatalogue(const QLocale &locale, const QString &name, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    translator->setObjectName(TranslatorName);
    if (translator->load(locale, name, QStringLiteral("_"), directory) && QCoreApplication::installTranslator(translator))
        return translator;
    delete translator;
    return nullptr;
}

} // namespace

namespace Translations {

bool install(const QLocale &locale)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return false;
    const QList<QTranslator *> installed = app->findChildren<QTranslator *>(TranslatorName, Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : installed) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    const QTranslator *ours = installCatalogue(locale, QStringLiteral("pasarela"), QStringLiteral(":/i18n"));
    if (!ours)
        return false;
    // Qt's in the language ours has, so that a locale we do not translate stays all English.
    // Missing (no qt6-translations-l10n) is fine: those strings stay English.
    installCatalogue(QLocale(ours->language()), QStringLiteral("qtbase"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return true;
}

} // namespace Translations
