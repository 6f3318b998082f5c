import "server-only";

export { getDb, rawRows, type Database, type Executor, type Transaction } from "./connection";
