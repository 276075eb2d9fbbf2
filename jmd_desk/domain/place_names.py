"""Country and language names as people type them into spreadsheets, mapped to ISO codes.

German and English names come from the generated ISO tables; common other spellings and the
German nationality adjectives ("syrisch", "afghanische") are listed here. Matching ignores case,
spaces, hyphens, dots and umlaut spelling ("Tuerkei" = "Türkei").
"""

from __future__ import annotations

import re
import unicodedata

from jmd_desk.texts.iso_codes import COUNTRIES, LANGUAGES

# Other names in use for countries, German and English.
COUNTRY_ALIASES: dict[str, str] = {
    "Syrische Arabische Republik": "SY",
    "Iran, Islamische Republik": "IR",
    "Persien": "IR",
    "Russische Föderation": "RU",
    "Türkei": "TR",
    "Turkey": "TR",
    "Moldawien": "MD",
    "Moldova": "MD",
    "Republik Moldau": "MD",
    "Mazedonien": "MK",
    "Macedonia": "MK",
    "Weißrussland": "BY",
    "Belarus": "BY",
    "Südkorea": "KR",
    "Nordkorea": "KP",
    "USA": "US",
    "Vereinigte Staaten von Amerika": "US",
    "United States of America": "US",
    "Großbritannien": "GB",
    "England": "GB",
    "Great Britain": "GB",
    "UK": "GB",
    "Tschechische Republik": "CZ",
    "Czech Republic": "CZ",
    "Elfenbeinküste": "CI",
    "Ivory Coast": "CI",
    "Kongo": "CG",
    "Demokratische Republik Kongo": "CD",
    "DR Kongo": "CD",
    "Palästina": "PS",
    "Palestine": "PS",
    "Vietnam": "VN",
    "Viet Nam": "VN",
    "Deutschland": "DE",
    "BRD": "DE",
    "Holland": "NL",
    "Niederlande": "NL",
    "Kirgistan": "KG",
    "Kirgisien": "KG",
    "Tadschikistan": "TJ",
    "Myanmar": "MM",
    "Burma": "MM",
    "Birma": "MM",
    "Kap Verde": "CV",
    "Cape Verde": "CV",
    "Swasiland": "SZ",
    "Eswatini": "SZ",
    "Osttimor": "TL",
    "Vatikan": "VA",
    "ungeklärt": "unknown",
    "unbekannt": "unknown",
    "keine Angabe": "unknown",
    "k. A.": "unknown",
}

# German nationality adjectives (base form; "syrische", "syrischer" are found too).
NATIONALITY_ADJECTIVES: dict[str, str] = {
    "afghanisch": "AF",
    "ägyptisch": "EG",
    "albanisch": "AL",
    "algerisch": "DZ",
    "amerikanisch": "US",
    "angolanisch": "AO",
    "argentinisch": "AR",
    "armenisch": "AM",
    "aserbaidschanisch": "AZ",
    "äthiopisch": "ET",
    "australisch": "AU",
    "bangladeschisch": "BD",
    "belarussisch": "BY",
    "belgisch": "BE",
    "beninisch": "BJ",
    "bolivianisch": "BO",
    "bosnisch": "BA",
    "bosnisch-herzegowinisch": "BA",
    "brasilianisch": "BR",
    "britisch": "GB",
    "bulgarisch": "BG",
    "burkinisch": "BF",
    "burundisch": "BI",
    "chilenisch": "CL",
    "chinesisch": "CN",
    "dänisch": "DK",
    "deutsch": "DE",
    "dominikanisch": "DO",
    "ecuadorianisch": "EC",
    "eritreisch": "ER",
    "estnisch": "EE",
    "finnisch": "FI",
    "französisch": "FR",
    "gambisch": "GM",
    "georgisch": "GE",
    "ghanaisch": "GH",
    "griechisch": "GR",
    "guineisch": "GN",
    "indisch": "IN",
    "indonesisch": "ID",
    "irakisch": "IQ",
    "iranisch": "IR",
    "irisch": "IE",
    "israelisch": "IL",
    "italienisch": "IT",
    "ivorisch": "CI",
    "jamaikanisch": "JM",
    "japanisch": "JP",
    "jemenitisch": "YE",
    "jordanisch": "JO",
    "kamerunisch": "CM",
    "kanadisch": "CA",
    "kasachisch": "KZ",
    "kenianisch": "KE",
    "kirgisisch": "KG",
    "kolumbianisch": "CO",
    "kongolesisch": "CD",
    "kosovarisch": "XK",
    "kosovo-albanisch": "XK",
    "kroatisch": "HR",
    "kubanisch": "CU",
    "kuwaitisch": "KW",
    "laotisch": "LA",
    "lettisch": "LV",
    "libanesisch": "LB",
    "liberianisch": "LR",
    "libysch": "LY",
    "litauisch": "LT",
    "luxemburgisch": "LU",
    "malaysisch": "MY",
    "malisch": "ML",
    "marokkanisch": "MA",
    "mauretanisch": "MR",
    "mazedonisch": "MK",
    "nordmazedonisch": "MK",
    "mexikanisch": "MX",
    "moldauisch": "MD",
    "moldawisch": "MD",
    "mongolisch": "MN",
    "montenegrinisch": "ME",
    "mosambikanisch": "MZ",
    "myanmarisch": "MM",
    "nepalesisch": "NP",
    "niederländisch": "NL",
    "nigerianisch": "NG",
    "nigrisch": "NE",
    "norwegisch": "NO",
    "österreichisch": "AT",
    "pakistanisch": "PK",
    "palästinensisch": "PS",
    "peruanisch": "PE",
    "philippinisch": "PH",
    "polnisch": "PL",
    "portugiesisch": "PT",
    "ruandisch": "RW",
    "rumänisch": "RO",
    "russisch": "RU",
    "saudi-arabisch": "SA",
    "schwedisch": "SE",
    "schweizerisch": "CH",
    "senegalesisch": "SN",
    "serbisch": "RS",
    "sierra-leonisch": "SL",
    "slowakisch": "SK",
    "slowenisch": "SI",
    "somalisch": "SO",
    "spanisch": "ES",
    "sri-lankisch": "LK",
    "sudanesisch": "SD",
    "südsudanesisch": "SS",
    "südafrikanisch": "ZA",
    "syrisch": "SY",
    "tadschikisch": "TJ",
    "tansanisch": "TZ",
    "thailändisch": "TH",
    "togoisch": "TG",
    "togolesisch": "TG",
    "tschadisch": "TD",
    "tschechisch": "CZ",
    "tunesisch": "TN",
    "türkisch": "TR",
    "turkmenisch": "TM",
    "ugandisch": "UG",
    "ukrainisch": "UA",
    "ungarisch": "HU",
    "usbekisch": "UZ",
    "venezolanisch": "VE",
    "vietnamesisch": "VN",
    "weißrussisch": "BY",
    "zentralafrikanisch": "CF",
    "zyprisch": "CY",
    "simbabwisch": "ZW",
    "sambisch": "ZM",
}

# Other names in use for languages.
LANGUAGE_ALIASES: dict[str, str] = {
    "Farsi": "fa",
    "Dari": "fa",
    "Persian": "fa",
    "Paschtunisch": "ps",
    "Pashto": "ps",
    "Pashtu": "ps",
    "Tigrinisch": "ti",
    "Tigrinya": "ti",
    "Tigrigna": "ti",
    "Kurmandschi": "ku",
    "Kurmanji": "ku",
    "Sorani": "ku",
    "Somalisch": "so",
    "Bosnisch": "bs",
    "Moldauisch": "ro",
    "Griechisch": "el",
    "Greek": "el",
    "Punjabi": "pa",
    "Pandschabi": "pa",
    "Mazedonisch": "mk",
    "Suaheli": "sw",
    "Kisuaheli": "sw",
    "Fula": "ff",
    "Fulani": "ff",
    "Ful": "ff",
    "unbekannt": "unknown",
    "keine Angabe": "unknown",
    "k. A.": "unknown",
}

_ADJECTIVE_ENDINGS = ("en", "er", "es", "em", "e")


def _key(text: str) -> str:
    """Case, accents of umlauts, spaces and punctuation ignored: "Türkei" = "tuerkei" = "TÜRKEI"."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ß", "ss")
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        text = text.replace(umlaut, spelled)
    return re.sub(r"[\s\-.,'’()*]+", "", text)


def _with_short_forms(names: tuple[str, ...]) -> list[str]:
    """The names, and each without its bracketed addition ("Spanisch (Kastilisch)" → "Spanisch")."""
    return [*names, *(n.split(" (", 1)[0] for n in names if " (" in n)]


def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for code, names in COUNTRIES.items():
        for name in (code, *_with_short_forms(names)):
            index.setdefault(_key(name), code)
    for name, code in COUNTRY_ALIASES.items():
        index[_key(name)] = code
    return index


def _language_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for code, names in LANGUAGES.items():
        for name in (code, *_with_short_forms(names)):
            index.setdefault(_key(name), code)
    for name, code in LANGUAGE_ALIASES.items():
        index[_key(name)] = code
    return index


_COUNTRIES = _country_index()
_ADJECTIVES = {_key(a): c for a, c in NATIONALITY_ADJECTIVES.items()}
_LANGUAGES = _language_index()


def country_code(text: str) -> str | None:
    """The ISO 3166-1 code of a country name, code or German nationality adjective, else None."""
    key = _key(text)
    if not key:
        return None
    if key in _COUNTRIES:
        return _COUNTRIES[key]
    if key in _ADJECTIVES:
        return _ADJECTIVES[key]
    for ending in _ADJECTIVE_ENDINGS:
        if key.endswith(ending) and key[: -len(ending)] in _ADJECTIVES:
            return _ADJECTIVES[key[: -len(ending)]]
    return None


def language_code(text: str) -> str | None:
    """The ISO 639-1 code of a language name (German or English) or code, else None."""
    key = _key(text)
    return _LANGUAGES.get(key) if key else None
