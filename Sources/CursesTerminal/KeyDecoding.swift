import CNcurses
import ConsoleUI

/// curses key codes → the UI's `Key`. Pure: tests feed it the codes `wget_wch` returns.
enum KeyDecoding {
    /// `status` is what `wget_wch` returned (`OK` for a character, `KEY_CODE_YES` for a
    /// function key); `code` is the value it stored. Nil for `ERR` (nothing pending).
    static func decode(status: Int32, code: UInt32) -> Key? {
        switch status {
        case KEY_CODE_YES: return functionKey(Int32(bitPattern: code))
        case OK: return character(code)
        default: return nil
        }
    }

    static func character(_ code: UInt32) -> Key {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            // Ctrl-A is 1 … Ctrl-Z is 26.
            return .ctrl(Character(Unicode.Scalar(UInt8(96 + code))))
        case 0..<32: return .unknown(Int32(code))
        default:
            guard let scalar = Unicode.Scalar(code) else { return .unknown(Int32(bitPattern: code)) }
            return .char(Character(scalar))
        }
    }

    /// The pending mouse event (`getmouse`), or `.unknown` for buttons synctop ignores.
    static func mouse() -> Key {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return .unknown(KEY_MOUSE) }
        return mouse(kind: cn_mouse_kind(event.bstate), x: Int(event.x), y: Int(event.y))
    }

    static func mouse(kind: Int32, x: Int, y: Int) -> Key {
        switch kind {
        case 1: .mouse(MouseEvent(.wheelUp, x: x, y: y))
        case 2: .mouse(MouseEvent(.wheelDown, x: x, y: y))
        case 3: .mouse(MouseEvent(.click, x: x, y: y))
        default: .unknown(KEY_MOUSE)
        }
    }

    static func functionKey(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        // Keypad corners and the vt220 Find/Select keys are Home/End/PgUp/PgDn on some terminals.
        case KEY_HOME, KEY_A1, KEY_FIND: return .home
        case KEY_END, KEY_C1, KEY_SELECT: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return mouse()
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return .unknown(code)
        }
    }
}
