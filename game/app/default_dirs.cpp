#include "app/default_dirs.hpp"

#include "platform/paths.hpp"
#include "settings/default_dirs.hpp"
#include "text/font.hpp"

// Set by engine.cmake: the repository's content/ and the build tree's assets/.
#ifndef SQ_SOURCE_CONTENT_DIR
#define SQ_SOURCE_CONTENT_DIR ""
#endif
#ifndef SQ_BUILD_ASSETS_DIR
#define SQ_BUILD_ASSETS_DIR ""
#endif

namespace sq {

std::string defaultContentDir() {
  return bundledContentDir(executableDir(), SQ_SOURCE_CONTENT_DIR);
}

std::string defaultAssetsDir() {
  const std::string exe = executableDir();
  return firstExistingDir({exe.empty() ? "" : exe + "assets", SQ_BUILD_ASSETS_DIR},
                          std::string("fonts/") + FontLibrary::kAndikaRegular);
}

} // namespace sq
