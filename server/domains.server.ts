// Every domain that registers something on import (a case type, a procedure on the generic pages, an event
// cascade): both composition roots, the web app (app.server.ts) and the job worker (tasks.server.tsx),
// import this one list, so a job never meets a case type its process has not registered.
import "./filing";
import "./feedback";
import "./complaints";
import "./denunciations";
import "./confirmation";
import "./officer-change";
