// Unit tests run the functions outside Excel: give them the CustomFunctions global Excel provides.
const { makeCustomFunctions } = require("./custom-functions");
globalThis.CustomFunctions = makeCustomFunctions();
