/**
 * A stand-in for Excel's CustomFunctions runtime global: the Error class and ErrorCode values
 * Excel defines, and an associate() that records registrations. Used by unit tests (as a jest
 * setup file) and by the contract test's vm context.
 */
function makeCustomFunctions() {
  const ErrorCode = {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  };
  class CustomFunctionsError {
    constructor(code, message) {
      if (!Object.values(ErrorCode).includes(code)) throw new TypeError(`unknown error code ${code}`);
      this.code = code;
      if (message !== undefined) this.message = message;
    }
  }
  const registered = new Map();
  return {
    ErrorCode,
    Error: CustomFunctionsError,
    registered,
    associate(id, fn) {
      if (typeof id === "object") {
        for (const [k, v] of Object.entries(id)) registered.set(k.toUpperCase(), v);
      } else {
        registered.set(String(id).toUpperCase(), fn);
      }
    },
  };
}

module.exports = { makeCustomFunctions };
