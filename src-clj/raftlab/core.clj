(ns raftlab.core
  "raftlab for Clojure: histories as data, the checker as a function, campaigns as test maps.

    (require '[raftlab.core :as r])
    (def h (r/read-history \"store/latest/history.edn\"))
    (r/check h {:model \"register\" :time-limit-ms 10000})   ; => {:valid? true ...}
    (r/run! (r/test-map {:lab :sim :time-limit 10 :nemesis [:partition]}))"
  (:refer-clojure :exclude [run!])
  (:require [raftlab.campaign :as campaign]
            [raftlab.check :as check]
            [raftlab.history :as history]
            [raftlab.ops :as ops]))

(def ^{:arglists '([path]) :doc (:doc (meta #'history/read-history))} read-history history/read-history)
(def ^{:arglists '([path history]) :doc (:doc (meta #'history/write-history!))} write-history! history/write-history!)
(def ^{:arglists '([history] [history opts]) :doc (:doc (meta #'check/check))} check check/check)
(def ^{:arglists '([opts]) :doc (:doc (meta #'campaign/test-map))} test-map campaign/test-map)
(def ^{:arglists '([test-map]) :doc (:doc (meta #'campaign/test-map->args))} test-map->args campaign/test-map->args)
(def ^{:arglists '([test-map]) :doc (:doc (meta #'campaign/run!))} run! campaign/run!)
(def ^{:arglists '([run-dir]) :doc (:doc (meta #'campaign/read-results))} read-results campaign/read-results)
(def ^{:arglists '([run-dir] [run-dir opts]) :doc (:doc (meta #'campaign/replay!))} replay! campaign/replay!)
(def ^{:arglists '([run-dir-or-file]) :doc (:doc (meta #'campaign/read-schedule))} read-schedule campaign/read-schedule)
(def ^{:arglists '([file schedule]) :doc (:doc (meta #'campaign/write-schedule!))} write-schedule! campaign/write-schedule!)
(def ^{:arglists '([op position]) :doc (:doc (meta #'ops/map->op))} map->op ops/map->op)
(def ^{:arglists '([op]) :doc (:doc (meta #'ops/op->map))} op->map ops/op->map)
