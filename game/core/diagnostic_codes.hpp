// The one table of diagnostic codes. Tests and tools match on these codes, never
// on message text, so a code, once published, keeps its meaning.
// Depends on: nothing (included by diagnostics.hpp only).
//
// X(enumName, "stable.code", defaultSeverity, "what it means")
// NOLINTBEGIN
#define SQ_DIAGNOSTIC_CODES(X)                                                                     \
  X(PackNotFound, "pack.not-found", Error, "the pack folder does not exist")                       \
  X(PackNotDirectory, "pack.not-directory", Error, "the path is not a folder")                     \
  X(PackNoManifest, "pack.no-manifest", Error, "the folder has no pack.json")                      \
  X(PackTooLarge, "pack.too-large", Error, "the pack has too many bytes, files or folder levels")  \
  X(FileTooLarge, "file.too-large", Error, "one file is over its size limit")                      \
  X(FileUnreadable, "file.unreadable", Error, "a file could not be read")                          \
  X(FileOutsidePack, "file.outside-pack", Error, "a link leads outside the pack")                  \
  X(FileNotRegular, "file.not-regular", Error, "a pack entry is not an ordinary file or folder")   \
  X(FileIdMismatch, "file.id-mismatch", Error, "a file's id is not its file name")                 \
  X(FileIgnored, "file.ignored", Warning, "a file the loader does not read")                       \
  X(JsonSyntax, "json.syntax", Error, "the file is not valid JSON (or not UTF-8)")                 \
  X(JsonTooDeep, "json.too-deep", Error, "JSON nested deeper than the limit")                      \
  X(JsonStringTooLong, "json.string-too-long", Error, "a string is longer than the limit")         \
  X(JsonTooManyItems, "json.too-many-items", Error, "an array has more entries than the limit")    \
  X(SchemaType, "schema.type", Error, "a value has the wrong type")                                \
  X(SchemaRequired, "schema.required", Error, "a required field is missing")                       \
  X(SchemaEnum, "schema.enum", Error, "a value is not one of those allowed")                       \
  X(SchemaUnknownField, "schema.unknown-field", Warning, "a field the format does not know")       \
  X(SchemaFormat, "schema.format", Error, "a string is not in the required form")                  \
  X(SchemaRange, "schema.range", Error, "a number or count is outside the allowed range")          \
  X(FormatUnsupported, "format.unsupported", Error, "formatVersion is not one this build reads")   \
  X(ConfigSystemFolder, "config.system-folder", Error,                                             \
    "a data folder that is a system folder, or one holding other people's folders")                \
  X(IdInvalid, "id.invalid", Error, "an id uses characters other than a-z, 0-9 and -")             \
  X(IdDuplicate, "id.duplicate", Error, "two things share an id")                                  \
  X(RefUnresolved, "ref.unresolved", Error, "a reference names something that does not exist")     \
  X(TextEmpty, "text.empty", Error, "a text is empty")                                             \
  X(TextMissingLanguage, "text.missing-language", Error, "a text lacks one of the pack languages") \
  X(TextUnknownLanguage, "text.unknown-language", Warning, "a text has a language the pack lacks") \
  X(UnitDuplicateYear, "unit.duplicate-year", Error, "two units for the same year group")          \
  X(UnitBandMismatch, "unit.band-mismatch", Error, "a unit's band does not fit its year group")    \
  X(UnitNoRequired, "unit.no-required", Warning, "a unit has no required lesson")                  \
  X(LessonUnused, "lesson.unused", Warning, "a lesson is in no unit")                              \
  X(LessonEmpty, "lesson.empty", Error, "a lesson has no steps")                                   \
  X(ScenarioNoEnding, "scenario.no-ending", Error, "a scenario has no ending node")                \
  X(ScenarioTrap, "scenario.trap", Error, "a reachable node cannot reach any ending")              \
  X(ScenarioUnreachable, "scenario.unreachable", Warning, "no path from start reaches the node")   \
  X(ScenarioEndingChoices, "scenario.ending-has-choices", Error, "an ending also offers choices")  \
  X(ScenarioSafeNoNext, "scenario.safe-without-next", Error, "a safe choice leads nowhere")        \
  X(ScenarioNoSafeChoice, "scenario.no-safe-choice", Error, "a node offers no safe choice")        \
  X(QuizNoCorrect, "quiz.no-correct", Error, "a quiz item has no right answer")                    \
  X(QuizManyCorrect, "quiz.many-correct", Error, "a single-choice item has several answers")       \
  X(QuizSortEmptyGroup, "quiz.sort-empty-group", Warning, "a sort group has no cards")             \
  X(BandAupNoPicture, "band.aup-no-picture", Warning,                                              \
    "a Reception or KS1 AUP promise has no picture")                                               \
  X(BandSortOrderYoung, "band.sort-order-young", Warning,                                          \
    "an EYFS or KS1 lesson has a sort or order question (those are for KS2)")                      \
  X(BandTooManyChoices, "band.too-many-choices", Warning,                                          \
    "an EYFS or KS1 scenario node has more than 3 choices (the game shows 3)")                     \
  X(BandMixedPictures, "band.mixed-pictures", Warning,                                             \
    "an EYFS or KS1 choice set has pictures on some choices but not others")                       \
  X(ReadingTooHard, "reading.too-hard", Warning,                                                   \
    "a pupil-facing text is harder to read than its band's limit")                                 \
  X(ButterflyNoButterflies, "butterfly.no-butterflies", Error,                                     \
    "the feelings check-in lacks the butterflies face")                                            \
  X(AssetMissing, "asset.missing", Error, "an asset file does not exist")                          \
  X(AssetBadPath, "asset.bad-path", Error, "an asset path is absolute, uses .. or \\")             \
  X(AssetBadType, "asset.bad-type", Error, "an asset's bytes are not an allowed file type")        \
  X(AssetWrongExtension, "asset.wrong-extension", Warning, "an asset's name hides its real type")  \
  X(AssetTooLarge, "asset.too-large", Error, "a picture's dimensions are over the limit")          \
  X(AssetCorrupt, "asset.corrupt", Error, "an asset's header cannot be read")                      \
  /* Class lists (results/: MIS CSV and OneRoster import, then the re-import). */                  \
  X(CsvFileTooLarge, "csv.file-too-large", Error, "the file has more bytes than the limit")        \
  X(CsvUtf16, "csv.utf16", Error, "the file is UTF-16 (Excel's \"Unicode Text\")")                 \
  X(CsvEmpty, "csv.empty", Error, "the file has no header")                                        \
  X(CsvNoPupils, "csv.no-pupils", Error, "the file has a header but no pupils")                    \
  X(CsvTooManyProblems, "csv.too-many-problems", Error, "reading stopped at the error limit")      \
  X(CsvTooManyRows, "csv.too-many-rows", Error, "more rows than the limit")                        \
  X(CsvTooManyColumns, "csv.too-many-columns", Error, "a row has more columns than the limit")     \
  X(CsvLineTooLong, "csv.line-too-long", Error, "a line has more bytes than the limit")            \
  X(CsvFieldTooLong, "csv.field-too-long", Error, "a field has more bytes than the limit")         \
  X(CsvUnclosedQuote, "csv.unclosed-quote", Error, "a quoted field is never closed")               \
  X(CsvTextAfterQuote, "csv.text-after-quote", Error, "text follows a closing quote")              \
  X(CsvMissingColumn, "csv.missing-column", Error, "a column the import needs is not there")       \
  X(CsvDuplicateColumn, "csv.duplicate-column", Error,                                             \
    "a column is in the header twice, or named for two jobs")                                      \
  X(CsvRowWidth, "csv.row-width", Error, "a row has more or fewer fields than the header")         \
  X(CsvEmptyValue, "csv.empty-value", Error, "a name, class, id or year is empty")                 \
  X(CsvControlCharacter, "csv.control-character", Error, "a value holds a control character")      \
  X(CsvNotText, "csv.not-text", Error, "a value holds bytes that are not text")                    \
  X(CsvTooLong, "csv.too-long", Error, "a name or class has more characters than the limit")       \
  X(CsvNoLetter, "csv.no-letter", Error, "a surname has no letter to take the initial from")       \
  X(CsvBadYear, "csv.bad-year", Error, "a year group or grade is not one SafeQuest reads")         \
  X(CsvYearOutOfRange, "csv.year-out-of-range", Error,                                             \
    "a pupil is below Reception or above Year 6")                                                  \
  X(CsvDuplicateId, "csv.duplicate-id", Error, "a OneRoster sourcedId is on two rows")             \
  X(CsvUnknownReference, "csv.unknown-reference", Error,                                           \
    "an enrollment names a user or class that is not there")                                       \
  X(CsvNoClass, "csv.no-class", Error, "a student is in no class")                                 \
  X(CsvSeveralClasses, "csv.several-classes", Error,                                               \
    "a student is in several classes and not one homeroom")                                        \
  X(CsvDuplicateClass, "csv.duplicate-class", Error, "two classes share a name")                   \
  X(CsvDuplicatePupil, "csv.duplicate-pupil", Error,                                               \
    "rows a re-import cannot tell apart, or that match one pupil")                                 \
  X(CsvDuplicateMisId, "csv.duplicate-mis-id", Error, "one MIS id on two rows or two pupils")      \
  X(CsvAmbiguousMatch, "csv.ambiguous-match", Error,                                               \
    "a row matches several pupils on the class list")                                              \
  X(CsvDuplicateName, "csv.duplicate-name", Warning,                                               \
    "several pupils in one class are shown by the same name")
// NOLINTEND
