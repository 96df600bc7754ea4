#pragma once

#include <QLocale>

// Pasarela's catalogue (translations/pasarela_<language>.ts, embedded as :/i18n/pasarela_<language>.qm)
// and Qt's own for the same language (dialog buttons, QCommandLineParser's headings and errors).
namespace Translations {

// Installs the catalogues for `locale` (by default the system's: LANGUAGE, LC_ALL, LC_MESSAGES, LANG)
// in the current application object, replacing those an earlier call installed. English, or a
// language without a catalogue, installs nothing. Returns whether Pasarela's catalogue was found.
bool install(const QLocale &locale = QLocale::system());

} // namespace Translations
