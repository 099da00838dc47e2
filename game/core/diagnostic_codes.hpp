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
  X(ButterflyNoButterflies, "butterfly.no-butterflies", Error,                                     \
    "the feelings check-in lacks the butterflies face")                                            \
  X(AssetMissing, "asset.missing", Error, "an asset file does not exist")                          \
  X(AssetBadPath, "asset.bad-path", Error, "an asset path is absolute, uses .. or \\")             \
  X(AssetBadType, "asset.bad-type", Error, "an asset's bytes are not an allowed file type")        \
  X(AssetWrongExtension, "asset.wrong-extension", Warning, "an asset's name hides its real type")  \
  X(AssetTooLarge, "asset.too-large", Error, "a picture's dimensions are over the limit")          \
  X(AssetCorrupt, "asset.corrupt", Error, "an asset's header cannot be read")
// NOLINTEND
