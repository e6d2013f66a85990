import Foundation
import Testing

@testable import MetingShell

@Suite("the history file")
struct HistoryFileTests {
  func temporaryPath() -> String {
    NSTemporaryDirectory() + "meting-history-\(UUID().uuidString)/state/history"
  }

  @Test("entries are appended as they run and read back by the next session")
  func persistence() throws {
    let path = temporaryPath()
    let first = HistoryFile(path: path)
    #expect(first.add("freq category"))
    #expect(first.add("filter category in (strategy,\nmanagement)"))
    #expect(first.add("compute x = \"a\\b\""))
    let second = HistoryFile(path: path)
    #expect(second.entries == ["freq category", "filter category in (strategy,\nmanagement)", "compute x = \"a\\b\""])
  }

  @Test("adjacent duplicates, blank entries and entries starting with a space are not stored")
  func hygiene() throws {
    let path = temporaryPath()
    let h = HistoryFile(path: path)
    #expect(h.add("freq category"))
    #expect(!h.add("freq category"))
    #expect(!h.add(" secret command"))
    #expect(!h.add("   "))
    #expect(h.add("describe"))
    #expect(h.add("freq category"))
    #expect(HistoryFile(path: path).entries == ["freq category", "describe", "freq category"])
  }

  @Test("METING_HISTORY, then XDG_STATE_HOME, then ~/.local/state")
  func location() {
    setenv("METING_HISTORY", "/tmp/h1", 1)
    #expect(HistoryFile.defaultPath() == "/tmp/h1")
    unsetenv("METING_HISTORY")
    setenv("XDG_STATE_HOME", "/tmp/state", 1)
    #expect(HistoryFile.defaultPath() == "/tmp/state/meting/history")
    unsetenv("XDG_STATE_HOME")
    #expect(HistoryFile.defaultPath()?.hasSuffix("/.local/state/meting/history") == true)
  }
}
