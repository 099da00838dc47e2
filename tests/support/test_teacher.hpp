// One teacher signing key for a whole test run, and the store options that trust
// it, so that stores in a test share erasures as a school's PCs trusting the same
// teacher do (results/teacher_key, results/teacher_trust).
// Depends on: results (results_store, teacher_key).
#pragma once

#include "results/results_store.hpp"
#include "results/teacher_key.hpp"

#include <memory>

namespace sq::test {

inline const TeacherSigner& testTeacher() {
  static const std::unique_ptr<TeacherSigner> signer = TeacherSigner::generate();
  return *signer;
}

// Store options whose trusted key (as if IT had set it) is testTeacher()'s.
inline StoreOptions trustingTestTeacher(StoreOptions options = {}) {
  options.teacherPublicKey = testTeacher().publicKey();
  return options;
}

} // namespace sq::test
