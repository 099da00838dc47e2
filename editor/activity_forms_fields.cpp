// The activity forms (see activity_forms.hpp): the building blocks every form is
// made of. Each draws one labelled field of the selected file and turns what the
// teacher does into an edit.
// Sections:
//   1. helpers: where a field is, labels, headings and notes
//   2. fields: texts, optional texts, ticks, combos, tags, pictures
//   3. lists: move up and down, remove, add, other fields
#include "activity_forms.hpp"
#include "editor_script.hpp"
#include "imgui_helpers.hpp"
#include "wrapped_text_box.hpp"

#include "authoring/new_items.hpp"
#include "pack_editor.hpp"
#include "ui/theme.hpp"

#include "authoring/form_vocabulary.hpp"
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace sq {

using authoring::appendPointer;
using authoring::Edit;
using authoring::EditOp;
using authoring::nameOf;
using authoring::Vocabulary;

// ---- helpers ------------------------------------------------------------------------

namespace {

std::string parentOf(const std::string& pointer) {
  const std::size_t slash = pointer.rfind('/');
  return slash == std::string::npos ? std::string() : pointer.substr(0, slash);
}

std::string lastToken(const std::string& pointer) {
  const std::size_t slash = pointer.rfind('/');
  return slash == std::string::npos ? pointer : pointer.substr(slash + 1);
}

} // namespace

const authoring::PackDocument& ActivityForms::doc() const {
  return mHost.mSession.document();
}

const std::string& ActivityForms::file() const {
  return mHost.mFile;
}

bool ActivityForms::readOnly() const {
  return doc().readOnly();
}

const authoring::Json* ActivityForms::at(const std::string& pointer) const {
  const Json* root = doc().value(file());
  return root != nullptr ? authoring::findPointer(*root, pointer) : nullptr;
}

void ActivityForms::apply(const Edit& edit, const std::string& mergeKey) {
  mHost.apply(edit, mergeKey);
}

bool ActivityForms::opensForMark(const std::string& pointer) const {
  return mHost.mScrollToMark && pointerInside(mHost.mMarkedPointer, pointer);
}

void ActivityForms::labelCell(const char* label) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(labelWidth());
}

void ActivityForms::heading(const char* title) {
  ImGui::Spacing();
  if (mHost.mHeadingFont != nullptr) {
    ImGui::PushFont(mHost.mHeadingFont);
  }
  ImGui::TextUnformatted(title);
  if (mHost.mHeadingFont != nullptr) {
    ImGui::PopFont();
  }
}

void ActivityForms::note(const std::string& words) {
  ImGui::PushStyleColor(ImGuiCol_Text, toImGui(mHost.mTheme->mutedText));
  ImGui::TextWrapped("%s", words.c_str());
  ImGui::PopStyleColor();
}

std::string ActivityForms::shortText(const Json* value, std::size_t max) const {
  std::string s;
  if (value != nullptr && value->is_string()) {
    s = value->get<std::string>();
  } else if (value != nullptr && value->is_object() && !value->empty() &&
             value->begin()->is_string()) {
    s = value->begin()->get<std::string>(); // the first language
  }
  if (s.size() > max) {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) {
      --cut; // never split a character
    }
    s = s.substr(0, cut) + "\xE2\x80\xA6";
  }
  return s;
}

// ---- fields -------------------------------------------------------------------------

void ActivityForms::textRow(const char* label, const std::string& pointer, bool multiline) {
  const Json* v = at(pointer);
  if (v == nullptr) {
    return;
  }
  if (v->is_string()) {
    mHost.textField(label, pointer, multiline);
  } else if (v->is_object()) {
    // A text in several languages: one field each, named by its language.
    std::vector<std::string> keys;
    for (auto it = v->begin(); it != v->end(); ++it) {
      keys.push_back(it.key());
    }
    for (const std::string& k : keys) {
      const std::string l = std::string(label) + " (" + k + ")";
      const std::string p = appendPointer(pointer, k);
      const Json* member = at(p);
      if (member != nullptr && member->is_string()) {
        mHost.textField(l.c_str(), p, multiline);
      } else if (member != nullptr) {
        mHost.drawValue(l, p, *member, 1);
      }
    }
  } else {
    mHost.drawValue(label, pointer, *v, 1);
  }
}

void ActivityForms::optionalText(const char* label, const std::string& parent,
                                 const std::string& key, bool multiline) {
  const std::string pointer = appendPointer(parent, key);
  const std::string mergeKey = file() + "#" + pointer;
  if (at(pointer) != nullptr) {
    textRow(label, pointer, multiline);
    // An optional text emptied is taken away, so it is not an empty-text error.
    const Json* v = at(pointer);
    if (v != nullptr && v->is_string() && v->get_ref<const std::string&>().empty()) {
      apply(Edit{"Clear " + std::string(label), {EditOp::removeMember(file(), parent, key)}},
            mergeKey);
    }
    return;
  }
  // Not there yet: an empty box (same id as the field, so typing carries on in it)
  // whose first letter adds the field.
  const Json* p = at(parent);
  if (p == nullptr || !p->is_object()) {
    return;
  }
  std::string typed;
  const ImGuiInputTextFlags flags =
      readOnly() ? ImGuiInputTextFlags_ReadOnly : ImGuiInputTextFlags_None;
  bool changed = false;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  if (multiline) {
    // Wrapped at the box's width, as the field it becomes.
    changed = wrappedTextBox(("##" + pointer).c_str(), typed,
                             ImVec2(-1, ImGui::GetTextLineHeight() * 5), flags);
  } else {
    ImGui::SameLine(labelWidth());
    ImGui::SetNextItemWidth(-1);
    changed = ImGui::InputText(("##" + pointer).c_str(), &typed, flags);
  }
  mHost.markIfSelected(pointer);
  if (changed && !typed.empty()) {
    Json value = typed;
    const std::vector<std::string> languages = authoring::packLanguages(doc());
    if (languages.size() > 1) {
      value = Json::object(); // the other languages wait, empty, for their translation
      for (const std::string& l : languages) {
        value[l] = l == languages.front() ? typed : std::string();
      }
    }
    apply(Edit{"Add " + std::string(label),
               {EditOp::insertMember(file(), parent, key, p->size(), value)}},
          mergeKey);
  }
}

bool ActivityForms::checkbox(const char* label, const std::string& parent, const std::string& key,
                             bool absentValue, const char* caption) {
  const std::string pointer = appendPointer(parent, key);
  const Json* v = at(pointer);
  const Json* p = at(parent);
  bool b = v != nullptr && v->is_boolean() ? v->get<bool>() : absentValue;
  labelCell(label);
  ImGui::BeginDisabled(readOnly() || p == nullptr || !p->is_object());
  const bool toggled = ImGui::Checkbox((std::string(caption) + "##" + pointer).c_str(), &b);
  ImGui::EndDisabled();
  mHost.markIfSelected(pointer);
  if (toggled) {
    apply(Edit{(b ? "Tick " : "Untick ") + std::string(label),
               {v != nullptr ? EditOp::set(file(), pointer, b)
                             : EditOp::insertMember(file(), parent, key, p->size(), b)}});
  }
  return toggled;
}

ActivityForms::Options ActivityForms::fromVocabulary(Vocabulary list) {
  Options out;
  for (const authoring::NamedValue& v : authoring::namedValues(list)) {
    out.emplace_back(std::string(v.id), std::string(v.name));
  }
  return out;
}

void ActivityForms::optionCombo(const char* label, const std::string& parent,
                                const std::string& key, const Options& options,
                                const char* absentName) {
  const std::string pointer = appendPointer(parent, key);
  const Json* v = at(pointer);
  const Json* p = at(parent);
  const bool present = v != nullptr && v->is_string();
  const std::string current = present ? v->get<std::string>() : std::string();
  std::string preview = present ? current : (absentName != nullptr ? absentName : "(choose one)");
  for (const auto& [id, shown] : options) {
    if (present && id == current) {
      preview = shown;
    }
  }
  labelCell(label);
  ImGui::SetNextItemWidth(-1);
  ImGui::BeginDisabled(readOnly() || p == nullptr || !p->is_object());
  const bool open = ImGui::BeginCombo(("##" + pointer).c_str(), preview.c_str());
  if (!open) {
    nameItem("field:" + pointer); // scripts: the closed combo, then "option:POINTER=ID"
  }
  if (open) {
    if (absentName != nullptr && ImGui::Selectable(absentName, !present) && present) {
      apply(Edit{"Change " + std::string(label), {EditOp::removeMember(file(), parent, key)}});
    }
    for (const auto& [id, shown] : options) {
      const bool chosen = present && id == current;
      const bool picked = ImGui::Selectable((shown + "##" + id).c_str(), chosen);
      nameItem("option:" + pointer + "=" + id);
      if (picked && !chosen) {
        apply(Edit{"Change " + std::string(label),
                   {present ? EditOp::set(file(), pointer, id)
                            : EditOp::insertMember(file(), parent, key, p->size(), id)}});
      }
      if (chosen) {
        ImGui::SetItemDefaultFocus();
      }
    }
    ImGui::EndCombo();
  }
  ImGui::EndDisabled();
  mHost.markIfSelected(pointer);
}

void ActivityForms::vocabularyTicks(const char* label, const std::string& parent,
                                    const std::string& key, Vocabulary list, int columns,
                                    bool dropWhenEmpty, const char* locked) {
  const std::string pointer = appendPointer(parent, key);
  const Json* v = at(pointer);
  const Json* p = at(parent);
  const bool parentExists = p != nullptr && p->is_object();
  ImGui::TextUnformatted(label);
  mHost.markIfSelected(pointer);
  // As many columns as fit the widest name, up to `columns`.
  float widest = 0;
  for (const authoring::NamedValue& value : authoring::namedValues(list)) {
    widest = std::max(
        widest, ImGui::CalcTextSize(value.name.data(), value.name.data() + value.name.size()).x);
  }
  const float cell = widest + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x * 3;
  const int fit = static_cast<int>(ImGui::GetContentRegionAvail().x / cell);
  if (!ImGui::BeginTable(("##ticks" + pointer).c_str(), std::clamp(fit, 1, columns))) {
    return;
  }
  for (const authoring::NamedValue& value : authoring::namedValues(list)) {
    const std::string id(value.id);
    std::size_t index = 0;
    bool ticked = false;
    if (v != nullptr && v->is_array()) {
      for (std::size_t i = 0; i < v->size(); ++i) {
        if ((*v)[i].is_string() && (*v)[i].get_ref<const std::string&>() == id) {
          ticked = true;
          index = i;
        }
      }
    }
    ImGui::TableNextColumn();
    const bool isLocked = locked != nullptr && id == locked && ticked;
    ImGui::BeginDisabled(readOnly() || isLocked);
    bool b = ticked;
    const bool toggled = ImGui::Checkbox((std::string(value.name) + "##" + id).c_str(), &b);
    ImGui::EndDisabled();
    if (!toggled) {
      continue;
    }
    Edit edit{(b ? "Tick " : "Untick ") + std::string(value.name), {}};
    if (b && v != nullptr && v->is_array()) {
      edit.ops.push_back(EditOp::insertItem(file(), pointer, v->size(), id));
    } else if (b && parentExists) {
      edit.ops.push_back(EditOp::insertMember(file(), parent, key, p->size(), Json::array({id})));
    } else if (b) {
      // The list's parent (the lesson's "tags") is not there yet either.
      const Json* grand = at(parentOf(parent));
      if (grand == nullptr || !grand->is_object()) {
        continue;
      }
      edit.ops.push_back(EditOp::insertMember(file(), parentOf(parent), lastToken(parent),
                                              grand->size(), Json{{key, Json::array({id})}}));
    } else if (v->size() > 1 || !dropWhenEmpty) {
      edit.ops.push_back(EditOp::removeItem(file(), pointer, index));
    } else {
      edit.ops.push_back(EditOp::removeMember(file(), parent, key));
      if (p->size() == 1 && !parent.empty()) {
        edit.ops.push_back(EditOp::removeMember(file(), parentOf(parent), lastToken(parent)));
      }
    }
    apply(edit);
    break; // the list changed under the loop
  }
  ImGui::EndTable();
}

void ActivityForms::tagPicker(const std::string& parent) {
  const std::string tags = appendPointer(parent, "tags");
  if (opensForMark(tags)) {
    ImGui::SetNextItemOpen(true);
  }
  if (!ImGui::TreeNodeEx(("Tags: what this teaches, for the coverage report##" + tags).c_str(),
                         ImGuiTreeNodeFlags_Framed)) {
    return;
  }
  vocabularyTicks("Education for a Connected World strands", tags, "efcw", Vocabulary::EfcwStrand,
                  2, true);
  vocabularyTicks("Digital Competence Framework (Wales)", tags, "dcf", Vocabulary::DcfElement, 2,
                  true);
  vocabularyTicks("SMART rules", tags, "smart", Vocabulary::SmartLetter, 5, true);
  note("A SMART rule counts as practised only when a story's choice uses it.");
  vocabularyTicks("Topics", tags, "topics", Vocabulary::Topic, 3, true);
  const Json* t = at(tags);
  if (t != nullptr && t->is_object()) {
    otherFields(tags, {"efcw", "dcf", "smart", "topics"});
  }
  ImGui::TreePop();
}

void ActivityForms::pictureAndNarration(const std::string& parent, bool narration) {
  const Json* p = at(parent);
  if (p == nullptr || !p->is_object()) {
    return;
  }
  // A line with no picture or narration yet gets the media fields' own "Add"
  // buttons (choose, import, record or make one), so nothing half-made is inserted.
  static const Json kNone;
  const std::string picture = appendPointer(parent, "picture");
  if (const Json* v = at(picture)) {
    mHost.drawValue("Picture", picture, *v, 0);
  } else if (!readOnly() && !mHost.drawMedia(picture, kNone)) {
    labelCell("Picture");
    if (ImGui::SmallButton(("Add a picture##" + picture).c_str())) {
      apply(
          Edit{"Add a picture",
               {EditOp::insertMember(file(), parent, "picture", p->size(),
                                     Json{{"src", ""}, {"alt", authoring::newText(doc(), "")}})}});
    }
  }
  if (!narration) {
    return;
  }
  const std::string sound = appendPointer(parent, "narration");
  if (const Json* v = at(sound)) {
    mHost.drawValue("Narration", sound, *v, 0);
  } else if (!readOnly()) {
    mHost.drawMedia(sound, kNone);
  }
}

// ---- lists --------------------------------------------------------------------------

bool ActivityForms::itemButtons(const std::string& pointer, std::size_t index, std::size_t minItems,
                                const char* what) {
  const Json* list = at(pointer);
  if (readOnly() || list == nullptr || !list->is_array() || index >= list->size()) {
    return false;
  }
  const std::size_t n = list->size();
  const Json item = (*list)[index];
  const std::string id = "##" + pointer + "/" + std::to_string(index);
  bool changed = false;
  ImGui::BeginDisabled(index == 0);
  if (ImGui::SmallButton(("Move up" + id).c_str())) {
    apply(Edit{"Move " + std::string(what) + " up",
               {EditOp::removeItem(file(), pointer, index),
                EditOp::insertItem(file(), pointer, index - 1, item)}});
    changed = true;
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(changed || index + 1 >= n);
  if (ImGui::SmallButton(("Move down" + id).c_str())) {
    apply(Edit{"Move " + std::string(what) + " down",
               {EditOp::removeItem(file(), pointer, index),
                EditOp::insertItem(file(), pointer, index + 1, item)}});
    changed = true;
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(changed || n <= minItems);
  if (ImGui::SmallButton(("Remove" + id).c_str())) {
    apply(Edit{"Remove " + std::string(what), {EditOp::removeItem(file(), pointer, index)}});
    changed = true;
  }
  if (n <= minItems && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("This needs at least %d.", static_cast<int>(minItems));
  }
  ImGui::EndDisabled();
  return changed;
}

bool ActivityForms::itemHeading(const std::string& title, const std::string& pointer,
                                std::size_t index, std::size_t minItems, const char* what) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(title.c_str());
  ImGui::SameLine(labelWidth());
  return itemButtons(pointer, index, minItems, what);
}

bool ActivityForms::itemList(const std::string& list, const char* what, std::size_t minItems,
                             const ItemTitle& title, const ItemBody& body) {
  const Json* items = at(list);
  for (std::size_t i = 0; items != nullptr && items->is_array() && i < items->size(); ++i) {
    const std::string p = appendPointer(list, i);
    ImGui::PushID(p.c_str());
    bool changed = false;
    if (title) {
      ImGui::Separator();
      changed = itemHeading(title(i), list, i, minItems, what) || body(p, i);
    } else {
      changed = body(p, i);
      if (!changed) {
        ImGui::Indent(labelWidth());
        changed = itemButtons(list, i, minItems, what);
        ImGui::Unindent(labelWidth());
      }
    }
    ImGui::PopID();
    if (changed) {
      return true;
    }
  }
  return false;
}

bool ActivityForms::addButton(const char* label, const std::string& pointer, const Json& value) {
  const Json* list = at(pointer);
  if (readOnly() || list == nullptr || !list->is_array()) {
    return false;
  }
  const bool pressed = ImGui::Button((std::string(label) + "##add" + pointer).c_str());
  nameItem("add:" + pointer);
  if (!pressed) {
    return false;
  }
  apply(Edit{label, {EditOp::insertItem(file(), pointer, list->size(), value)}});
  return true;
}

void ActivityForms::otherFields(const std::string& pointer, const std::set<std::string>& known) {
  const Json* v = at(pointer);
  if (v == nullptr || !v->is_object()) {
    return;
  }
  std::vector<std::string> others;
  for (auto it = v->begin(); it != v->end(); ++it) {
    if (known.count(it.key()) == 0 && it.key() != "editor") {
      others.push_back(it.key());
    }
  }
  if (others.empty()) {
    return;
  }
  bool open = false;
  for (const std::string& k : others) {
    open = open || opensForMark(appendPointer(pointer, k));
  }
  if (open) {
    ImGui::SetNextItemOpen(true);
  }
  if (ImGui::TreeNode(("Other fields##" + pointer).c_str())) {
    for (const std::string& k : others) {
      const Json* member = at(appendPointer(pointer, k));
      if (member != nullptr) {
        mHost.drawValue(authoring::fieldName(k), appendPointer(pointer, k), *member, 1);
      }
    }
    ImGui::TreePop();
  }
}

} // namespace sq
