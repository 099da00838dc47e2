#include "results/csv_reader.hpp"

#include <algorithm>
#include <utility>

namespace sq {

namespace {

std::string num(std::size_t n) {
  return std::to_string(n);
}

class Parser {
public:
  Parser(std::string_view text, const CsvLimits& limits) : mText(text), mLimits(limits) {}

  CsvTable run() {
    if (mText.size() > mLimits.maxBytes) {
      mTable.errors.push_back({0, Code::CsvFileTooLarge,
                               "the file is " + num(mText.size()) +
                                   " bytes; the most SafeQuest reads is " + num(mLimits.maxBytes)});
      return std::move(mTable);
    }
    while (!mStopped && mPos < mText.size()) {
      readRecord();
    }
    return std::move(mTable);
  }

private:
  enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterQuoted };

  // Reads one record, up to and including its line end.
  void readRecord() {
    mRecord = CsvRow{mLine, {}};
    mField.clear();
    mFieldWasQuoted = false;
    mRecordBad = false;
    mReportedLongLine = false;
    mReportedLongField = false;
    mReportedColumns = false;
    mReportedAfterQuote = false;
    State state = State::FieldStart;
    int quoteLine = mLine;
    while (mPos < mText.size()) {
      const char c = mText[mPos];
      if (c == '\r' || c == '\n') {
        if (state == State::Quoted) {
          // A line break inside quotes belongs to the field; keep it as one '\n'
          // whichever convention the file uses.
          consumeLineEnd();
          appendToField('\n');
          continue;
        }
        // Finish first, so problems found at the record's end carry its last line.
        finishRecord();
        consumeLineEnd();
        return;
      }
      ++mPos;
      if (++mLineBytes > mLimits.maxLineBytes && !mReportedLongLine) {
        mReportedLongLine = true;
        fail(mLine, Code::CsvLineTooLong,
             "line is longer than " + num(mLimits.maxLineBytes) + " bytes");
      }
      switch (state) {
      case State::FieldStart:
        if (c == '"') {
          // Leading blanks before an opening quote are a common exporter habit;
          // the quote still opens the field.
          mField.clear();
          mFieldWasQuoted = true;
          quoteLine = mLine;
          state = State::Quoted;
        } else if (c == mLimits.delimiter) {
          endField();
        } else if (c == ' ' || c == '\t') {
          appendToField(c);
        } else {
          appendToField(c);
          state = State::Unquoted;
        }
        break;
      case State::Unquoted:
        if (c == mLimits.delimiter) {
          endField();
          state = State::FieldStart;
        } else {
          // A stray quote inside an unquoted field (Robert "Bob") is kept as text:
          // being strict here would refuse files no one could see a fault in.
          appendToField(c);
        }
        break;
      case State::Quoted:
        if (c == '"') {
          state = State::QuoteInQuoted;
        } else {
          appendToField(c);
        }
        break;
      case State::QuoteInQuoted:
        if (c == '"') {
          appendToField('"');
          state = State::Quoted;
        } else if (c == mLimits.delimiter) {
          endField();
          state = State::FieldStart;
        } else if (c == ' ' || c == '\t') {
          state = State::AfterQuoted;
        } else {
          afterQuoteText();
          state = State::AfterQuoted;
        }
        break;
      case State::AfterQuoted:
        if (c == mLimits.delimiter) {
          endField();
          state = State::FieldStart;
        } else if (c != ' ' && c != '\t') {
          afterQuoteText();
        }
        break;
      }
      if (mStopped) {
        return;
      }
    }
    // End of the text without a final line end.
    if (state == State::Quoted) {
      fail(quoteLine, Code::CsvUnclosedQuote,
           "a quoted field starts on this line and is never closed (a missing \")");
      mRecordBad = true;
    }
    finishRecord();
  }

  void consumeLineEnd() {
    if (mText[mPos] == '\r' && mPos + 1 < mText.size() && mText[mPos + 1] == '\n') {
      ++mPos;
    }
    ++mPos;
    ++mLine;
    mLineBytes = 0;
    mReportedLongLine = false;
  }

  void appendToField(char c) {
    if (mField.size() >= mLimits.maxFieldBytes) {
      if (!mReportedLongField) {
        mReportedLongField = true;
        fail(mLine, Code::CsvFieldTooLong,
             "field " + num(mRecord.fields.size() + 1) + " is longer than " +
                 num(mLimits.maxFieldBytes) + " bytes");
      }
      return;
    }
    mField += c;
  }

  void afterQuoteText() {
    if (!mReportedAfterQuote) {
      mReportedAfterQuote = true;
      fail(mLine, Code::CsvTextAfterQuote,
           "field " + num(mRecord.fields.size() + 1) +
               " has text after its closing quote (a quote inside a quoted field is "
               "written as \"\")");
    }
  }

  void endField() {
    if (mRecord.fields.size() >= mLimits.maxColumns) {
      if (!mReportedColumns) {
        mReportedColumns = true;
        fail(mLine, Code::CsvTooManyColumns, "more than " + num(mLimits.maxColumns) + " columns");
      }
    } else {
      mRecord.fields.push_back(std::move(mField));
    }
    mField.clear();
    mFieldWasQuoted = false;
  }

  void finishRecord() {
    const bool blank = mRecord.fields.empty() && !mFieldWasQuoted && isBlank(mField);
    endField();
    if (mStopped || mRecordBad || blank) {
      return;
    }
    if (++mRecords > mLimits.maxRecords) {
      const std::size_t shown =
          mLimits.maxRecords - std::min(mLimits.headerRecords, mLimits.maxRecords);
      fail(mRecord.line, Code::CsvTooManyRows,
           "more than " + num(shown) + " rows" +
               (mLimits.headerRecords > 0 ? " after the header" : "") +
               "; that is the most SafeQuest reads in one file");
      mStopped = true;
      return;
    }
    mTable.rows.push_back(std::move(mRecord));
  }

  static bool isBlank(std::string_view s) {
    return s.find_first_not_of(" \t") == std::string_view::npos;
  }

  void fail(int line, Code code, std::string message) {
    mRecordBad = true;
    if (mStopped) {
      return;
    }
    if (mTable.errors.size() >= mLimits.maxErrors) {
      mTable.errors.push_back(
          {line, Code::CsvTooManyProblems, "too many problems; stopped reading here"});
      mStopped = true;
      return;
    }
    mTable.errors.push_back({line, code, std::move(message)});
  }

  std::string_view mText;
  const CsvLimits& mLimits;
  CsvTable mTable;
  std::size_t mPos = 0;
  int mLine = 1;
  std::size_t mLineBytes = 0;
  std::size_t mRecords = 0;
  bool mStopped = false;

  CsvRow mRecord;
  std::string mField;
  bool mFieldWasQuoted = false;
  bool mRecordBad = false;
  bool mReportedLongLine = false;
  bool mReportedLongField = false;
  bool mReportedColumns = false;
  bool mReportedAfterQuote = false;
};

} // namespace

CsvTable readCsv(std::string_view text, const CsvLimits& limits) {
  return Parser(text, limits).run();
}

} // namespace sq
