// Accent-V iCEBreaker board simulation: drives the board top's pins the way
// the board does. The clock pin is driven at the PLL's output rate (the PLL
// model passes it through); a SPI flash model answers on the flash pins from
// a 16 MiB array (erased, with the program image at FLASH_IMAGE_OFFSET); a
// UART receiver decodes the TX pin and prints each byte; a UART transmitter
// can send a file to the RX pin (the boot ROM's fallback path).
//
// usage: av-icebreaker-sim [--flash IMAGE] [--uart-send FILE]
//                          [--until TEXT] [--max-cycles N] [--press-button C]
// --press-button holds the user button (reset) down for 100 cycles from
// cycle C.
// Ends with status 0 when the red LED lights (the program wrote the test
// finisher) or TEXT has appeared on the UART; 2 when N cycles pass first.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>
#include "Vav_icebreaker_top.h"
#include "verilated.h"

#ifndef CLK_HZ
#error "CLK_HZ (the board clock) must be defined by the build"
#endif

static const unsigned UART_DIV = (CLK_HZ + BAUD / 2) / BAUD;
static const size_t FLASH_BYTES = 16u << 20;

// SPI flash, mode 0: READ (0x03), FAST READ (0x0B, one dummy byte), release
// from deep power-down (0xAB); other commands are ignored to the end of the
// select. Data changes after a falling SCK edge and is sampled on rising ones.
struct Flash {
  std::vector<uint8_t> mem = std::vector<uint8_t>(FLASH_BYTES, 0xFF);
  bool prev_sck = false, selected = false;
  unsigned bits = 0, nbytes = 0;   // bits of the current byte, bytes so far
  uint8_t shift = 0, cmd = 0, out = 0;
  uint32_t addr = 0;
  int out_bit = -1;                // bit being driven in the data phase
  unsigned data_from = 0;          // first byte index of the data phase
  uint8_t miso = 1;
  unsigned reads = 0;

  void step(bool ss_n, bool sck, bool mosi) {
    if (ss_n) {
      selected = false;
      prev_sck = sck;
      return;
    }
    if (!selected) {  // new command
      selected = true;
      bits = nbytes = 0;
      out_bit = -1;
    }
    if (sck && !prev_sck) {  // rising: sample
      shift = (uint8_t)((shift << 1) | (mosi ? 1 : 0));
      if (++bits == 8) {
        bits = 0;
        byte(shift);
        nbytes++;
      }
    } else if (!sck && prev_sck && data_phase()) {  // falling: drive
      if (out_bit < 0) {
        out = mem[addr % FLASH_BYTES];
        out_bit = 7;
      }
      miso = (out >> out_bit) & 1;
      if (--out_bit < 0) addr++;
    }
    prev_sck = sck;
  }
  bool data_phase() const {
    return (cmd == 0x03 || cmd == 0x0B) && nbytes >= data_from;
  }
  void byte(uint8_t b) {
    if (nbytes == 0) {
      cmd = b;
      addr = 0;
      data_from = cmd == 0x0B ? 5 : 4;
      if (cmd == 0x03 || cmd == 0x0B) reads++;
    } else if (nbytes <= 3 && (cmd == 0x03 || cmd == 0x0B)) {
      addr = (addr << 8) | b;
    }
  }
};

// 8N1 receiver on the TX pin: finds the start bit's falling edge and samples
// each bit in its middle.
struct UartRx {
  int state = -1;  // -1 idle, 0 start bit, 1..8 data, 9 stop
  unsigned cnt = 0;
  uint8_t byte = 0;
  std::string text;
  unsigned framing_errors = 0;

  void step(bool txd) {
    if (state < 0) {
      if (!txd) {
        state = 0;
        cnt = UART_DIV / 2;
      }
      return;
    }
    if (cnt) {
      cnt--;
      return;
    }
    cnt = UART_DIV - 1;
    if (state == 0) {
      if (txd) state = -1;  // glitch
      else state = 1;
    } else if (state <= 8) {
      byte = (uint8_t)((byte >> 1) | (txd ? 0x80 : 0));
      state++;
    } else {
      if (txd) {
        text.push_back((char)byte);
        fputc(byte, stdout);
        fflush(stdout);
      } else {
        framing_errors++;
      }
      state = -1;
    }
  }
};

// 8N1 transmitter to the RX pin, byte after byte, from when start() is called.
struct UartTx {
  std::vector<uint8_t> data;
  size_t pos = 0;
  bool active = false;
  unsigned cnt = 0, bit = 0;
  bool line = true;

  void step() {
    if (!active || pos >= data.size()) {
      line = true;
      return;
    }
    if (cnt) {
      cnt--;
      return;
    }
    cnt = UART_DIV - 1;
    if (bit == 0) line = false;
    else if (bit <= 8) line = (data[pos] >> (bit - 1)) & 1;
    else line = true;  // stop bit
    if (++bit == 10) {
      bit = 0;
      pos++;
    }
  }
};

static std::vector<uint8_t> read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "board-sim: cannot open %s\n", path);
    exit(2);
  }
  std::vector<uint8_t> v;
  int c;
  while ((c = fgetc(f)) != EOF) v.push_back((uint8_t)c);
  fclose(f);
  return v;
}

int main(int argc, char **argv) {
  const char *flash_path = nullptr, *send_path = nullptr, *until = nullptr;
  unsigned long long max_cycles = 200000000ULL, press_at = 0;
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    auto next = [&]() -> const char * {
      if (i + 1 >= argc) {
        fprintf(stderr, "board-sim: %s needs a value\n", a.c_str());
        exit(2);
      }
      return argv[++i];
    };
    if (a == "--flash") flash_path = next();
    else if (a == "--uart-send") send_path = next();
    else if (a == "--until") until = next();
    else if (a == "--max-cycles") max_cycles = strtoull(next(), nullptr, 0);
    else if (a == "--press-button") press_at = strtoull(next(), nullptr, 0);
    else if (a[0] == '+') continue;  // Verilator's own plusargs
    else {
      fprintf(stderr, "usage: %s [--flash IMAGE] [--uart-send FILE] [--until TEXT] "
                      "[--max-cycles N] [--press-button CYCLE]\n", argv[0]);
      return 2;
    }
  }
  Verilated::commandArgs(argc, argv);

  Flash flash;
  if (flash_path) {
    std::vector<uint8_t> img = read_file(flash_path);
    if (FLASH_IMAGE_OFFSET + img.size() > FLASH_BYTES) {
      fprintf(stderr, "board-sim: image does not fit in the flash\n");
      return 2;
    }
    memcpy(&flash.mem[FLASH_IMAGE_OFFSET], img.data(), img.size());
  }
  UartRx rx;
  UartTx tx;
  if (send_path) tx.data = read_file(send_path);

  Vav_icebreaker_top top;
  top.BTN_N = 1;
  top.RX = 1;
  top.FLASH_IO1 = 1;
  top.CLK = 0;
  top.eval();

  unsigned long long cycle = 0, halt_at = 0;
  bool halted = false;
  int status = 2;
  while (cycle < max_cycles) {
    top.CLK = 1;
    top.eval();
    top.CLK = 0;
    top.eval();
    cycle++;
    top.BTN_N = !(press_at && cycle >= press_at && cycle < press_at + 100);
    // A reset can cut a byte on the TX pin short; the line then idles during
    // reset, so the receiver starts afresh (as a terminal would after the
    // framing error) instead of decoding the next bytes out of step.
    if (press_at && cycle == press_at) rx.state = -1;
    flash.step(top.FLASH_SSB, top.FLASH_SCK, top.FLASH_IO0);
    top.FLASH_IO1 = flash.miso;
    rx.step(top.TX);
    // Send the file once the boot ROM's prompt line is complete: before, it
    // is still printing and not reading, and the one-byte holding register
    // would drop bytes (as a real 16550 without FIFO does).
    if (send_path && !tx.active &&
        rx.text.find("waiting for an image on the UART\r\n") != std::string::npos)
      tx.active = true;
    tx.step();
    top.RX = tx.line;
    if (until && rx.text.find(until) != std::string::npos) {
      status = 0;
      break;
    }
    if (!halted && !top.LEDR_N) {
      halted = true;
      halt_at = cycle;
    }
    // After the finisher, let the last bytes leave the UART.
    if (halted && cycle - halt_at > 24ULL * UART_DIV) {
      status = 0;
      break;
    }
  }
  top.final();
  fflush(stdout);
  if (status == 2)
    fprintf(stderr, "\nboard-sim: no finish after %llu cycles\n", cycle);
  else
    fprintf(stderr, "\nboard-sim: %s after %llu cycles (%u flash reads%s)\n",
            halted ? "halted" : "text seen", cycle, flash.reads,
            rx.framing_errors ? ", UART framing errors" : "");
  return status;
}
