// The baseline for bench_startup: the smallest SDL2 program that shows a window.
// It initialises video, opens a 1280x720 window with a renderer, clears and
// presents one frame, and writes "first-frame" to stdout. With --stay it then
// waits for events until it is closed, for idle-CPU and memory figures.
#include <SDL.h>

#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  bool stay = false;
  int w = 1280;
  int h = 720;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--stay") == 0) {
      stay = true;
    } else if (std::strcmp(argv[i], "--size") == 0 && i + 1 < argc) {
      std::sscanf(argv[++i], "%dx%d", &w, &h);
    }
  }
  if (SDL_Init(SDL_INIT_VIDEO) != 0) {
    std::fprintf(stderr, "bench_startup_empty: %s\n", SDL_GetError());
    return 1;
  }
  SDL_Window* window = SDL_CreateWindow("empty", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w,
                                        h, SDL_WINDOW_SHOWN);
  SDL_Renderer* renderer = window != nullptr ? SDL_CreateRenderer(window, -1, 0) : nullptr;
  if (renderer == nullptr) {
    std::fprintf(stderr, "bench_startup_empty: %s\n", SDL_GetError());
    return 1;
  }
  SDL_SetRenderDrawColor(renderer, 243, 239, 230, 255);
  SDL_RenderClear(renderer);
  SDL_RenderPresent(renderer);
  std::fputs("first-frame\n", stdout);
  std::fflush(stdout);
  while (stay) {
    SDL_Event e;
    if (SDL_WaitEvent(&e) != 0 && e.type == SDL_QUIT) {
      break;
    }
  }
  SDL_DestroyRenderer(renderer);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return 0;
}
